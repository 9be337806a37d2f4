import path from 'path';
import { randomBytes } from 'crypto';
import request from 'supertest';
import type { Core } from '@strapi/strapi';
import { createTestDatabase, type TestDatabase } from './database';

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');

let instance: Core.Strapi | undefined;
let database: TestDatabase | undefined;

const secret = () => randomBytes(24).toString('base64');

/** Boots the compiled app (npm run build) on a database of its own. One per test file. */
export async function setupStrapi(extraEnv: Record<string, string> = {}): Promise<Core.Strapi> {
  database = await createTestDatabase();
  delete process.env.DATABASE_URL;
  delete process.env.DATABASE_FILENAME;
  Object.assign(process.env, {
    NODE_ENV: 'test',
    APP_KEYS: `${secret()},${secret()}`,
    API_TOKEN_SALT: secret(),
    ADMIN_JWT_SECRET: secret(),
    TRANSFER_TOKEN_SALT: secret(),
    JWT_SECRET: secret(),
    ENCRYPTION_KEY: secret(),
    SEED_DEMO: 'false',
    STRAPI_TELEMETRY_DISABLED: 'true',
    STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
    BROWSER: 'none',
    ...database.env,
    ...extraEnv,
  });
  // eslint-disable-next-line @typescript-eslint/no-var-requires
  const { createStrapi } = require('@strapi/strapi');
  const app: Core.Strapi = await createStrapi({ appDir, distDir }).load();
  app.server.mount();
  instance = app;
  return app;
}

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
