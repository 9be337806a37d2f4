// What backup.js and restore.js share: which database the app uses (the same variables as
// config/database.ts), where uploads live, and a count of every table's rows.
const fs = require('fs');
const path = require('path');
const { spawn } = require('child_process');

const appDir = path.resolve(__dirname, '..', '..');

/** Runs a database tool (pg_dump, pg_restore) with its output on ours; rejects on a non-zero exit. */
function run(cmd, args) {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { stdio: ['ignore', 'inherit', 'inherit'] });
    child.on('error', reject);
    child.on('exit', (code) => (code === 0 ? resolve() : reject(new Error(`${cmd} exited ${code}`))));
  });
}

/** .env as Strapi reads it (variables already set win), with Node's own loader. */
function loadEnv() {
  const file = path.join(appDir, '.env');
  if (fs.existsSync(file)) process.loadEnvFile(file);
}

/** The app's database, read as config/database.ts reads it: PostgreSQL when DATABASE_URL is set. */
function databaseOf(env = process.env) {
  if (env.DATABASE_URL) return { kind: 'postgres', url: env.DATABASE_URL, schema: env.DATABASE_SCHEMA || 'public' };
  const filename = path.resolve(appDir, env.DATABASE_FILENAME || '.tmp/data.db');
  return { kind: 'sqlite', filename };
}

/** Strapi's local upload provider writes under public/uploads; UPLOADS_DIR names another folder. */
const uploadsDirOf = (env = process.env) => path.resolve(appDir, env.UPLOADS_DIR || path.join('public', 'uploads'));

/** Rows per table, every table of the schema (plugin tables, join tables, the kit's, Strapi's own). */
async function countPostgres(client, schema) {
  const { rows } = await client.query(
    `select table_name from information_schema.tables where table_schema = $1 and table_type = 'BASE TABLE' order by 1`,
    [schema],
  );
  const counts = {};
  for (const { table_name: t } of rows) {
    const q = `select count(*)::int as n from ${client.escapeIdentifier(schema)}.${client.escapeIdentifier(t)}`;
    counts[t] = (await client.query(q)).rows[0].n;
  }
  return counts;
}

function countSqlite(db) {
  const tables = db
    .prepare(`select name from sqlite_master where type = 'table' and name not like 'sqlite_%' order by 1`)
    .all()
    .map((r) => r.name);
  return Object.fromEntries(tables.map((t) => [t, db.prepare(`select count(*) as n from "${t}"`).get().n]));
}

/** Every file under a folder, relative path → size, for the manifest and the restore check. */
/**
 * Copies the files under `from` to `to`, one by one. The upload folder is live: a file deleted
 * while the copy runs (its row went with it, or will) is skipped instead of failing the backup.
 */
function copyFiles(from, to) {
  if (!fs.existsSync(from)) return;
  for (const entry of fs.readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    const target = path.join(to, path.relative(from, full));
    fs.mkdirSync(path.dirname(target), { recursive: true });
    try {
      fs.copyFileSync(full, target);
    } catch (err) {
      if (err.code !== 'ENOENT') throw err;
    }
  }
}

function filesOf(dir) {
  if (!fs.existsSync(dir)) return {};
  const out = {};
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue;
    const full = path.join(entry.parentPath ?? entry.path, entry.name);
    out[path.relative(dir, full)] = fs.statSync(full).size;
  }
  return out;
}

module.exports = { run, loadEnv, appDir, databaseOf, uploadsDirOf, countPostgres, countSqlite, filesOf, copyFiles };
