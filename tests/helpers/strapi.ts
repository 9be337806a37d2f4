import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { bootStrapi, listen, type Database } from '../../scripts/lib/boot';
import { createTestDatabase } from '../../scripts/lib/template-db';
import { seedDemo } from './seed';

let instance: Core.Strapi | undefined;
let database: Database | undefined;
let baseUrl: string | undefined;

/**
 * Boots the compiled app (npm run build) on a database of its own, listening on a loopback port.
 * One per test file. It listens from the start: on a server that is not listening, supertest listens
 * and closes per request, and requests sent at once then reset each other (read ECONNRESET).
 * `demo`: with the Weishi demo already loaded, cloned from a template seeded once a day per build.
 */
export async function setupStrapi(
  extraEnv: Record<string, string> = {},
  options: { demo?: boolean } = {},
): Promise<Core.Strapi> {
  database = await createTestDatabase(undefined, options.demo);
  instance = await bootStrapi(database, extraEnv);
  // TEST_DB_TEMPLATE=false clones nothing: the demo is seeded here, as `npm run seed` does
  if (options.demo && process.env.TEST_DB_TEMPLATE === 'false') await seedDemo();
  baseUrl = await listen(instance);
  return instance;
}

/** The database the booted app uses, for a second instance (scripts/lib/serve.js) on the same data. */
export function databaseEnv(): Record<string, string> {
  if (!database) throw new Error('setupStrapi() first');
  return { ...database.env };
}

/** The base URL of the booted app, for tests that talk to it by address (browsers, webhooks, two instances). */
export const listenStrapi = async (): Promise<string> => {
  if (!baseUrl) throw new Error('setupStrapi() first');
  return baseUrl;
};

export async function teardownStrapi(): Promise<void> {
  if (instance) {
    await instance.destroy();
    instance = undefined;
    baseUrl = undefined;
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
