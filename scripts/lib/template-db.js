// A test database cloned from a template. Booting Strapi on an empty database spends about 12 s
// creating the schema (every table and index of the suite); on a database it has already booted
// on, it finds its schema current and starts in about 2 s. Each test file still gets a database of
// its own, cloned from one booted once per build and per kind (a file copy on SQLite, CREATE
// DATABASE … TEMPLATE on PostgreSQL), which takes a full CI run from ~50 to ~40 minutes.
const fs = require('fs');
const os = require('os');
const path = require('path');
const crypto = require('crypto');
const { Client } = require('pg');
const { createDatabase, bootStrapi, appDir, distDir } = require('./boot');

const PG_ADMIN_URL = process.env.TEST_PG_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

/** Files whose change can change the schema or what bootstrap writes: the compiled app and plugins' servers. */
function* serverFiles() {
  const roots = [path.join(distDir, 'src'), path.join(distDir, 'config')];
  const plugins = path.join(appDir, 'src', 'plugins');
  for (const name of fs.existsSync(plugins) ? fs.readdirSync(plugins) : []) {
    roots.push(path.join(plugins, name, 'dist', 'server'));
  }
  for (const root of roots) {
    if (!fs.existsSync(root)) continue;
    const stack = [root];
    while (stack.length) {
      const dir = stack.pop();
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) stack.push(full);
        else yield full;
      }
    }
  }
}

/** Names the build: its server files' paths, sizes and modification times. */
function buildKey() {
  const hash = crypto.createHash('sha1');
  for (const file of [...serverFiles()].sort()) {
    const stat = fs.statSync(file);
    hash.update(`${path.relative(appDir, file)}:${stat.size}:${stat.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 12);
}

async function pg(sql) {
  const client = new Client({ connectionString: PG_ADMIN_URL });
  await client.connect();
  try {
    return await client.query(sql);
  } finally {
    await client.end();
  }
}

/**
 * Boots once (default environment) and shuts down: the schema is what remains, and with `seed` the Weishi demo
 * as `npm run seed` writes it. Nothing the demo writes depends on the boot's secrets (no API tokens; passwords are
 * bcrypt hashes), so a clone boots with fresh ones.
 */
async function bootOnce(database, seed = false) {
  const saved = { ...process.env };
  const app = await bootStrapi(database, {});
  if (seed) await require(path.join(distDir, 'src', 'seed')).seedDemo(app);
  await app.destroy();
  for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
  Object.assign(process.env, saved);
}

async function sqliteTemplate(key, demo) {
  const file = path.join(os.tmpdir(), `${templateName(key, demo)}.db`);
  if (!fs.existsSync(file)) {
    const database = demo
      ? await cloneTemplate('sqlite', key, false)
      : await createDatabase('sqlite', 'gg_template_new');
    await bootOnce(database, demo);
    // rename is atomic: a concurrent run making the same template replaces it with an equal file
    fs.renameSync(database.env.DATABASE_FILENAME, file);
    await database.drop();
  }
  return file;
}

async function postgresTemplate(key, demo) {
  const name = templateName(key, demo);
  const found = await pg(`SELECT 1 FROM pg_database WHERE datname = '${name}'`);
  if (found.rowCount) return name;
  const database = demo
    ? await cloneTemplate('postgres', key, false)
    : await createDatabase('postgres', 'gg_template_new');
  await bootOnce(database, demo);
  const made = new URL(database.env.DATABASE_URL).pathname.slice(1);
  try {
    await pg(`ALTER DATABASE ${made} RENAME TO ${name}`);
  } catch (err) {
    // a concurrent run made it first: keep theirs
    await database.drop();
    if (!/already exists/.test(String(err))) throw err;
  }
  return name;
}

/** Today as the seed sees it (local time): the demo is dated from the day it is seeded. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}${String(d.getMonth() + 1).padStart(2, '0')}${String(d.getDate()).padStart(2, '0')}`;
}

/** The schema template of a build, or its demo template of today. */
const templateName = (key, demo) => (demo ? `gg_template_${key}_demo_${today()}` : `gg_template_${key}`);
const TEMPLATE = /^gg_template_[0-9a-f]{12}(_demo_\d{8})?$/;

/** Templates of earlier builds and days are dropped when a new one is made (per kind: the schema and today's demo). */
async function dropStale(kind, key) {
  const keep = new Set([templateName(key, false), templateName(key, true)]);
  if (kind === 'sqlite') {
    for (const f of fs.readdirSync(os.tmpdir())) {
      const name = f.replace(/\.db$/, '');
      if (f.endsWith('.db') && TEMPLATE.test(name) && !keep.has(name)) {
        fs.rmSync(path.join(os.tmpdir(), f), { force: true });
      }
    }
    return;
  }
  const old = await pg(`SELECT datname FROM pg_database WHERE datname ~ '^gg_template_'`);
  for (const { datname } of old.rows) {
    if (TEMPLATE.test(datname) && !keep.has(datname)) await pg(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
  }
}

/** Clones this build's template (made on first use) into a fresh database for one test file. */
async function cloneTemplate(kind, key, demo) {
  if (kind === 'sqlite') {
    const template = await sqliteTemplate(key, demo);
    const database = await createDatabase('sqlite');
    fs.copyFileSync(template, database.env.DATABASE_FILENAME);
    return database;
  }
  const template = await postgresTemplate(key, demo);
  const name = `gg_test_${process.pid}_${crypto.randomBytes(4).toString('hex')}`;
  await pg(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  const url = new URL(PG_ADMIN_URL);
  url.pathname = `/${name}`;
  return {
    kind,
    env: { DATABASE_URL: url.toString() },
    drop: () => pg(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`),
  };
}

/**
 * A fresh database for one test file, cloned from this build's template; with `demo`, from the template that also
 * holds the Weishi demo (seeding it takes about a minute on a loaded machine; each file used to pay it).
 * TEST_DB_TEMPLATE=false: every file creates its schema, as a fresh install does (and `demo` is the caller's to seed).
 */
async function createTestDatabase(kind = process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite', demo = false) {
  if (process.env.TEST_DB_TEMPLATE === 'false') return createDatabase(kind);
  const key = buildKey();
  let database;
  try {
    database = await cloneTemplate(kind, key, demo);
  } catch {
    // a run of another build (another checkout) dropped it as stale between our check and our copy: make it again
    database = await cloneTemplate(kind, key, demo);
  }
  await dropStale(kind, key);
  return database;
}

module.exports = { createTestDatabase, buildKey };
