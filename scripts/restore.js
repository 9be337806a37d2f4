#!/usr/bin/env node
// `npm run restore -- <folder>`: puts a backup (scripts/backup.js) into the database the app is
// configured for (DATABASE_URL, else DATABASE_FILENAME) and the uploads into the upload folder,
// then counts every table's rows against the backup's manifest. The target database must be empty
// (a restore never merges into live data); stop the app first, start it after.
const fs = require('fs');
const path = require('path');
const { run, databaseOf, uploadsDirOf, countPostgres, countSqlite, filesOf, loadEnv } = require('./lib/backup-db');

async function restorePostgres(db, dir) {
  const { Client } = require('pg');
  const client = new Client({ connectionString: db.url });
  await client.connect();
  try {
    const present = await countPostgres(client, db.schema);
    if (Object.keys(present).length) throw new Error(`the target schema ${db.schema} is not empty: refusing to merge`);
    // One transaction: a failed restore leaves the database as empty as it was.
    await run('pg_restore', [
      '--no-owner',
      '--no-privileges',
      '--exit-on-error',
      '--single-transaction',
      `--dbname=${db.url}`,
      path.join(dir, 'database.dump'),
    ]);
    return await countPostgres(client, db.schema);
  } finally {
    await client.end();
  }
}

function restoreSqlite(db, dir) {
  if (fs.existsSync(db.filename) && fs.statSync(db.filename).size > 0)
    throw new Error(`${db.filename} already exists: refusing to overwrite it`);
  fs.mkdirSync(path.dirname(db.filename), { recursive: true });
  // Copied next to the target, then renamed: the target never holds half a database.
  const partial = `${db.filename}.restoring`;
  fs.copyFileSync(path.join(dir, 'database.sqlite'), partial);
  fs.renameSync(partial, db.filename);
  const Database = require('better-sqlite3');
  const restored = new Database(db.filename, { readonly: true });
  try {
    return countSqlite(restored);
  } finally {
    restored.close();
  }
}

/** Differences between two name → number maps, as readable lines. */
function differences(what, expected, actual) {
  const names = new Set([...Object.keys(expected), ...Object.keys(actual)]);
  return [...names]
    .filter((n) => expected[n] !== actual[n])
    .map((n) => `${what} ${n}: backup ${expected[n] ?? 'absent'}, restored ${actual[n] ?? 'absent'}`);
}

async function main() {
  loadEnv();
  const dir = process.argv[2] && path.resolve(process.argv[2]);
  if (!dir || !fs.existsSync(path.join(dir, 'manifest.json')))
    throw new Error('usage: npm run restore -- <backup folder>');
  const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
  const db = databaseOf();
  if (db.kind !== manifest.kind)
    throw new Error(`the backup is of ${manifest.kind}, the app is configured for ${db.kind}`);
  const tables = db.kind === 'postgres' ? await restorePostgres(db, dir) : restoreSqlite(db, dir);
  const uploads = uploadsDirOf();
  if (fs.existsSync(path.join(dir, 'uploads'))) fs.cpSync(path.join(dir, 'uploads'), uploads, { recursive: true });
  const restoredFiles = filesOf(uploads);
  const missing = Object.entries(manifest.uploads).filter(([f, size]) => restoredFiles[f] !== size);
  const wrong = [
    ...differences('table', manifest.tables, tables),
    ...missing.map(([f]) => `upload ${f}: missing or of another size`),
  ];
  if (wrong.length) throw new Error(`the restore does not match the backup:\n${wrong.join('\n')}`);
  const rows = Object.values(tables).reduce((a, b) => a + b, 0);
  console.log(
    `[restore] ${db.kind}: ${Object.keys(tables).length} tables, ${rows} rows and ` +
      `${Object.keys(manifest.uploads).length} uploaded files, identical to the backup of ${manifest.createdAt}`,
  );
}

main().catch((err) => {
  console.error(`[restore] failed: ${err.message}`);
  process.exit(1);
});
