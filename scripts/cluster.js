#!/usr/bin/env node
// `npm run cluster`: the reference deployment on this machine. Debian's nginx (deploy/nginx.conf)
// on CLUSTER_PORT (8080) in front of two production instances of the built app, both on one
// PostgreSQL database (CLUSTER_DATABASE_URL, created and loaded with the Weishi demo when new) and
// Redis (REDIS_URL). Ctrl-C stops nginx, then the instances (SIGTERM: they drain and exit 0).
const fs = require('fs');
const path = require('path');
const { execFileSync } = require('child_process');
const { Client } = require('pg');
const { startCluster } = require('./lib/cluster');

const appDir = path.resolve(__dirname, '..');
const DATABASE_URL = process.env.CLUSTER_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/grassroots_cluster';
const REDIS_URL = process.env.REDIS_URL || 'redis://127.0.0.1:6379';
const PORT = Number(process.env.CLUSTER_PORT || 8080);
const INSTANCES = Number(process.env.CLUSTER_INSTANCES || 2);

/** Creates the database when it does not exist; true when it was created now. */
async function ensureDatabase(url) {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name))
    throw new Error(`CLUSTER_DATABASE_URL: database name "${name}" must be a-z, 0-9, _`);
  const server = new URL(url);
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  try {
    const found = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (found.rowCount) return false;
    await admin.query(`CREATE DATABASE ${name}`);
    return true;
  } finally {
    await admin.end();
  }
}

async function dropDatabase(url) {
  const server = new URL(url);
  const name = decodeURIComponent(server.pathname.slice(1));
  server.pathname = '/postgres';
  const admin = new Client({ connectionString: server.toString() });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
}

async function main() {
  require('./prepare-env');
  if (
    !fs.existsSync(path.join(appDir, 'dist', 'src', 'index.js')) ||
    !fs.existsSync(path.join(appDir, 'dist', 'build'))
  ) {
    console.error('[cluster] build first: npm run build');
    process.exit(1);
  }
  if (await ensureDatabase(DATABASE_URL)) {
    console.log(`[cluster] new database ${DATABASE_URL}: loading the Weishi demo`);
    try {
      execFileSync(process.execPath, [path.join(__dirname, 'seed.js')], {
        cwd: appDir,
        stdio: 'inherit',
        env: { ...process.env, DATABASE_URL, NODE_ENV: 'development' },
      });
    } catch (err) {
      await dropDatabase(DATABASE_URL); // the next run starts from an empty database again
      throw err;
    }
  }
  const cluster = await startCluster({
    env: { DATABASE_URL, REDIS_URL },
    instances: INSTANCES,
    port: PORT,
    dir: path.join(appDir, '.tmp', 'cluster'),
    log: (line) => console.log(`[cluster] ${line}`),
  });
  console.log(`[cluster] open ${cluster.url}/admin (the demo administrator: ADMIN_EMAIL / ADMIN_PASSWORD in .env)`);
  console.log(`[cluster] logs: ${cluster.dir}/access.log, instance-N.log; Ctrl-C stops everything`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    console.log('[cluster] stopping nginx, then the instances');
    await cluster.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
