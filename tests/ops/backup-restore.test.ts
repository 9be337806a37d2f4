import { spawnSync } from 'child_process';
import fs from 'fs';
import os from 'os';
import path from 'path';
import request from 'supertest';
import knex from 'knex';
import { setupStrapi, teardownStrapi, http, strapi, databaseEnv, listenStrapi } from '../helpers/strapi';
import { startOtherInstance, type OtherInstance } from '../helpers/instance';
import { bearer, createApiToken } from '../helpers/auth';
import { activity, community, member, unit } from '../double-report/fixtures';
import { createDatabase, type Database as TestDatabase } from '../../scripts/lib/boot';

// The round trip an operator runs: `npm run backup` while the app serves, `npm run restore` into an
// empty database, then the app on the restored database. Every table (Strapi's, the plugins', the
// kit's), the uploads and the idempotency keys come back: a replayed Idempotency-Key still replays.
const root = path.resolve(__dirname, '../..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'gg-backup-'));
const backupDir = path.join(work, 'backup');
const restoredUploads = path.join(work, 'uploads');
let target: TestDatabase;
let other: OtherInstance | undefined;
let m: any;
let checkInBody: Record<string, unknown>;
let first: request.Response;
let uploaded: { id: number; url: string; name: string };
const KEY = 'backup-round-trip-1';
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

const script = (name: string, env: Record<string, string>, ...args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', name), ...args], {
    env: { ...process.env, ...env },
    encoding: 'utf8',
  });

/** Rows per table, and the sampled rows, read straight from a database (not through an app). */
async function snapshot(env: Record<string, string>, sample: Array<[string, number]>) {
  const db = env.DATABASE_URL
    ? knex({ client: 'pg', connection: env.DATABASE_URL })
    : knex({ client: 'better-sqlite3', connection: { filename: env.DATABASE_FILENAME }, useNullAsDefault: true });
  try {
    const names: string[] = env.DATABASE_URL
      ? (
          await db('information_schema.tables')
            .where({ table_schema: 'public', table_type: 'BASE TABLE' })
            .select('table_name')
        ).map((r: { table_name: string }) => r.table_name)
      : (await db('sqlite_master').where({ type: 'table' }).whereNot('name', 'like', 'sqlite_%').select('name')).map(
          (r: { name: string }) => r.name,
        );
    const counts: Record<string, number> = {};
    for (const t of names) counts[t] = Number((await db(t).count({ n: '*' }).first())?.n);
    const rows = [];
    for (const [t, id] of sample) rows.push(await db(t).where({ id }).first());
    return { counts, rows };
  } finally {
    await db.destroy();
  }
}

const tableOf = (uid: string) => strapi().db.metadata.get(uid as any).tableName;

beforeAll(async () => {
  await setupStrapi();
  const base = await listenStrapi();
  const c = await community();
  const u = await unit(c);
  m = await member(u, c);
  const a = await activity(c);
  checkInBody = { activity: a.documentId, source: 'qr', token: a.qrToken };
  first = await request(base)
    .post('/api/double-report/check-ins')
    .set(bearer(m.jwt))
    .set('Idempotency-Key', KEY)
    .send(checkInBody);
  if (first.status !== 201) throw new Error(JSON.stringify(first.body));
  const token = await createApiToken('full-access');
  const up = await http().post('/api/upload').set(bearer(token)).attach('files', PDF, 'evidence.pdf');
  if (up.status !== 201) throw new Error(JSON.stringify(up.body));
  uploaded = up.body[0];
  target = await createDatabase();
}, 600_000);

afterAll(async () => {
  await other?.stop();
  await target?.drop();
  await teardownStrapi();
  fs.rmSync(work, { recursive: true, force: true });
  fs.rmSync(path.join(root, 'public', uploaded?.url ?? '/uploads/none'), { force: true });
});

describe('backup and restore', () => {
  it('backs up while the app runs and restores into an empty database: every table, row and upload', async () => {
    const backup = script('backup.js', databaseEnv(), backupDir);
    expect(backup.stderr).toBe('');
    expect(backup.status).toBe(0);
    const manifest = JSON.parse(fs.readFileSync(path.join(backupDir, 'manifest.json'), 'utf8'));
    // Plugin tables, their join tables, the kit's cache versions and the idempotency keys are in it.
    for (const t of [
      tableOf('plugin::double-report.check-in'),
      tableOf('plugin::double-report.idempotency-key'),
      tableOf('plugin::star-scoring.assessment'),
      tableOf('plugin::deliberation.meeting'),
      tableOf('plugin::upload.file'),
      'kit_cache_versions',
    ])
      expect(Object.keys(manifest.tables)).toContain(t);

    const restore = script('restore.js', { ...target.env, UPLOADS_DIR: restoredUploads }, backupDir);
    expect(restore.stderr).toBe('');
    expect(restore.status).toBe(0);

    const checkIn = await strapi()
      .db.query('plugin::double-report.check-in')
      .findOne({ where: { memberRef: m.id } });
    const key = await strapi()
      .db.query('plugin::double-report.idempotency-key')
      .findOne({ where: { key: KEY } });
    const sample: Array<[string, number]> = [
      [tableOf('plugin::double-report.check-in'), checkIn.id],
      [tableOf('plugin::double-report.idempotency-key'), key.id],
      [tableOf('plugin::upload.file'), uploaded.id],
    ];
    const before = await snapshot(databaseEnv(), sample);
    const after = await snapshot(target.env, sample);
    expect(after.counts).toEqual(before.counts);
    expect(after.rows).toEqual(before.rows);
    expect(after.rows.every(Boolean)).toBe(true);
    expect(fs.readFileSync(path.join(restoredUploads, path.basename(uploaded.url))).equals(PDF)).toBe(true);
  });

  it('the app on the restored database replays the Idempotency-Key: same answer, nothing written twice', async () => {
    other = await startOtherInstance(target.env);
    // The restored accounts log in with their passwords (the new instance signs with its own secrets).
    const login = await request(other.url)
      .post('/api/auth/local')
      .send({ identifier: m.username, password: m.password });
    expect(login.status).toBe(200);
    const again = await request(other.url)
      .post('/api/double-report/check-ins')
      .set(bearer(login.body.jwt))
      .set('Idempotency-Key', KEY)
      .send(checkInBody);
    expect(again.status).toBe(201);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(again.body).toEqual(first.body);
    const count = await snapshot(target.env, []);
    expect(count.counts[tableOf('plugin::double-report.check-in')]).toBe(1);
  });

  it('refuses to restore into a database that is not empty, and changes nothing', async () => {
    const before = await snapshot(target.env, []);
    const again = script('restore.js', { ...target.env, UPLOADS_DIR: restoredUploads }, backupDir);
    expect(again.status).toBe(1);
    expect(again.stderr).toMatch(/not empty|already exists/);
    expect((await snapshot(target.env, [])).counts).toEqual(before.counts);
  });
});
