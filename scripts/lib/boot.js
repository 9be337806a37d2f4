// Boots the compiled app (dist/) in this process on a database of its own. Shared by the
// jest suite (tests/helpers/strapi.ts), the e2e tests and the bench runner.
const fs = require('fs');
const os = require('os');
const path = require('path');
const { randomBytes } = require('crypto');
const { Client } = require('pg');

const appDir = path.resolve(__dirname, '..', '..');
const distDir = path.join(appDir, 'dist');
const PG_ADMIN_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh database: a temporary SQLite file, or a PostgreSQL database created now and dropped later. */
async function createDatabase(kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite', prefix = 'gg_test') {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (kind === 'postgres') {
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return {
      kind,
      env: { DATABASE_URL: url.toString() },
      async drop() {
        const c = new Client({ connectionString: PG_ADMIN_URL });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const file = path.join(os.tmpdir(), `${name}.db`);
  return {
    kind,
    env: { DATABASE_FILENAME: file },
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    },
  };
}

const secret = () => randomBytes(24).toString('base64');

/** Sets a complete test environment (fresh secrets, no demo seed) and loads Strapi. */
async function bootStrapi(database, extraEnv = {}) {
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
    PUBLIC_URL: '',
    ...database.env,
    ...extraEnv,
  });
  const { createStrapi } = require('@strapi/strapi');
  const app = await createStrapi({ appDir, distDir }).load();
  app.server.mount();
  return app;
}

/** Starts listening on a free loopback port; returns the base URL. */
function listen(app) {
  return new Promise((resolve, reject) => {
    const server = app.server.httpServer;
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve(`http://127.0.0.1:${server.address().port}`));
  });
}

module.exports = { createDatabase, bootStrapi, listen, appDir, distDir };
