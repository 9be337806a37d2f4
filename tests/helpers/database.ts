import fs from 'fs';
import os from 'os';
import path from 'path';
import { randomBytes } from 'crypto';
import { Client } from 'pg';

/**
 * A fresh database for one test file: a temporary SQLite file, or (TEST_DB=postgres) a
 * PostgreSQL database created here and dropped afterwards.
 */
export interface TestDatabase {
  env: Record<string, string>;
  drop(): Promise<void>;
}

const PG_ADMIN_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export async function createTestDatabase(): Promise<TestDatabase> {
  const name = `gg_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  if (process.env.TEST_DB === 'postgres') {
    const admin = new Client({ connectionString: PG_ADMIN_URL });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    await admin.end();
    const url = new URL(PG_ADMIN_URL);
    url.pathname = `/${name}`;
    return {
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
    env: { DATABASE_FILENAME: file },
    async drop() {
      for (const suffix of ['', '-wal', '-shm', '-journal']) fs.rmSync(file + suffix, { force: true });
    },
  };
}
