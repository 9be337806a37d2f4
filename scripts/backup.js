#!/usr/bin/env node
// `npm run backup [-- <folder>]`: a consistent copy of the whole database (every table: Strapi's,
// the plugins', join tables, idempotency keys, the kit's cache versions) and of the uploads, taken
// while the app runs. Writes <folder> (default backups/<UTC time>) with:
//   database.dump (PostgreSQL: pg_dump custom format) or database.sqlite (SQLite online backup),
//   uploads/ (a copy of the upload folder), manifest.json (rows per table, files, when, which kind).
// restore.js puts it back into an empty database and checks the counts against the manifest.
const fs = require('fs');
const path = require('path');
const {
  run,
  appDir,
  databaseOf,
  uploadsDirOf,
  copyFiles,
  countPostgres,
  countSqlite,
  filesOf,
  loadEnv,
} = require('./lib/backup-db');

/**
 * pg_dump and the row counts read the same snapshot: a repeatable-read transaction exports it and
 * stays open until pg_dump has finished, so the manifest describes exactly what the dump holds
 * even while the app keeps writing.
 */
async function backupPostgres(db, dir) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    await client.query('begin isolation level repeatable read, read only');
    const snapshot = (await client.query('select pg_export_snapshot() as id')).rows[0].id;
    const tables = await countPostgres(client, db.schema);
    await run('pg_dump', [
      '--format=custom',
      '--no-owner',
      '--no-privileges',
      `--snapshot=${snapshot}`,
      // The whole database for the default schema (naming `public` would make the dump recreate it).
      ...(db.schema === 'public' ? [] : [`--schema=${db.schema}`]),
      `--file=${path.join(dir, 'database.dump')}`,
      `--dbname=${db.url}`,
    ]);
    await client.query('commit');
    return tables;
  } finally {
    await client.end();
  }
}

/** SQLite's online backup API: a consistent copy while the app reads and writes (WAL included). */
async function backupSqlite(db, dir) {
  if (!fs.existsSync(db.filename)) throw new Error(`no SQLite database at ${db.filename}`);
  const Database = require('better-sqlite3');
  const target = path.join(dir, 'database.sqlite');
  const source = new Database(db.filename, { readonly: true, fileMustExist: true });
  try {
    await source.backup(target);
  } finally {
    source.close();
  }
  const copy = new Database(target, { readonly: true });
  try {
    return countSqlite(copy);
  } finally {
    copy.close();
  }
}

async function main() {
  loadEnv();
  const stamp = new Date().toISOString().replace(/[:.]/g, '-');
  const dir = path.resolve(process.argv[2] || path.join(appDir, 'backups', stamp));
  if (fs.existsSync(dir) && fs.readdirSync(dir).length) throw new Error(`${dir} is not empty`);
  fs.mkdirSync(dir, { recursive: true });
  const db = databaseOf();
  const tables = db.kind === 'postgres' ? await backupPostgres(db, dir) : await backupSqlite(db, dir);
  // Uploads after the database: a file referenced by a row is never missing (an extra one is harmless).
  const uploads = uploadsDirOf();
  copyFiles(uploads, path.join(dir, 'uploads'));
  const manifest = {
    kind: db.kind,
    createdAt: new Date().toISOString(),
    tables,
    uploads: filesOf(path.join(dir, 'uploads')),
  };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify(manifest, null, 2));
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  console.log(
    `[backup] ${db.kind}: ${Object.keys(tables).length} tables, ${rows} rows, ` +
      `${Object.keys(manifest.uploads).length} uploaded files → ${dir}`,
  );
}

main().catch((err) => {
  console.error(`[backup] failed: ${err.message}`);
  process.exit(1);
});
