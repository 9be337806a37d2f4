import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { bootStrapi, createDatabase, listen, type Database } from '../../scripts/lib/boot';

let instance: Core.Strapi | undefined;
let database: Database | undefined;

/** Boots the compiled app (npm run build) on a database of its own. One per test file. */
export async function setupStrapi(extraEnv: Record<string, string> = {}): Promise<Core.Strapi> {
  database = await createDatabase();
  instance = await bootStrapi(database, extraEnv);
  return instance;
}

/** The database the booted app uses, for a second instance (scripts/lib/serve.js) on the same data. */
export function databaseEnv(): Record<string, string> {
  if (!database) throw new Error('setupStrapi() first');
  return { ...database.env };
}

/** For tests that need a real port (browsers, webhooks, two instances). */
export const listenStrapi = (): Promise<string> => listen(strapi());

export async function teardownStrapi(): Promise<void> {
  if (instance) {
    await instance.destroy();
    instance = undefined;
  }
  if (database) {
    await database.drop();
    database = undefined;
  }
}

export function strapi(): Core.Strapi {
  if (!instance) throw new Error('setupStrapi() first');
  return instance;
}

/** An HTTP client on the booted server, as an outside caller sees it. */
export function http() {
  return request(strapi().server.httpServer);
}
