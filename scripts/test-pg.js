#!/usr/bin/env node
// `npm run test:pg`: the same jest files on PostgreSQL. Each test file creates its own
// database (tests/helpers/database.ts) and drops it when done. TEST_PG_URL overrides the
// server (default postgres://postgres@127.0.0.1:5432/postgres).
const { spawnSync } = require('child_process');
const path = require('path');

const jest = path.join(__dirname, '..', 'node_modules', '.bin', 'jest');
const res = spawnSync(jest, ['--runInBand', ...process.argv.slice(2)], {
  stdio: 'inherit',
  env: { ...process.env, TEST_DB: 'postgres' },
});
process.exit(res.status ?? 1);
