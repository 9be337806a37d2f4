#!/usr/bin/env node
// `npm run bench`: boots the compiled app on a fresh database (PostgreSQL by default,
// BENCH_DB=sqlite for the embedded one), lets each scenario in scripts/bench/*.js load its
// dataset, then loads every endpoint with autocannon and prints it beside the Strapi core
// endpoint measured in the same run, as a ratio. No timed assertion anywhere: figures only.
//
// Scenario contract (scripts/bench/<name>.js):
//   module.exports = { name, async setup(ctx), async run(ctx) }
//   ctx = { strapi, knex, baseUrl, measure(label, request, { baseline }), note(text) }
//   measure() runs autocannon on { path, method?, headers?, body?, load?: { module, data } } and records
//   rps (successful responses only) and latency; options { baseline, connections }; `baseline` names a core measurement: 'core:list-branches',
//   'core:create-branch' or 'core:list-notices'.
const fs = require('fs');
const os = require('os');
const path = require('path');
const autocannon = require('autocannon');
const { createDatabase, bootStrapi, listen } = require('./lib/boot');

const DURATION = Number(process.env.BENCH_DURATION || 8);
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS || 10);
const ONLY = process.env.BENCH_SCENARIOS ? process.env.BENCH_SCENARIOS.split(',') : null;

const LOAD_DIR = path.join(__dirname, 'bench', 'load');

/**
 * One autocannon run, always from a worker thread: a load generator in the server's own event loop
 * would spend the server's CPU on building requests and parsing answers, and that fixed cost per
 * request weighs most on the fastest endpoints (the in-process runs before 2026-12-01 did that for
 * every POST). Per-request variation comes from `load: { module, data }`: a file in bench/load/
 * (a function cannot be cloned into a worker) and the JSON it reads.
 */
function cannon(baseUrl, req, opts = {}) {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-load-'));
  const samplesFile = path.join(tmp, 'samples.jsonl');
  // A worker copies process.env when it starts: this is how the load module finds its data.
  process.env.BENCH_SAMPLES = samplesFile;
  process.env.BENCH_LOAD_DATA = path.join(tmp, 'data.json');
  fs.writeFileSync(process.env.BENCH_LOAD_DATA, JSON.stringify(req.load?.data ?? {}));
  const request = { method: req.method || 'GET', onResponse: path.join(LOAD_DIR, 'sample.js') };
  if (req.load) request.setupRequest = path.join(LOAD_DIR, `${req.load.module}.js`);
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: baseUrl + req.path,
        method: req.method || 'GET',
        headers: { 'content-type': 'application/json', ...(req.headers || {}) },
        body: req.body === undefined ? undefined : typeof req.body === 'string' ? req.body : JSON.stringify(req.body),
        requests: [request],
        connections: opts.connections || CONNECTIONS,
        workers: 1,
        duration: req.amount ? undefined : opts.duration || DURATION,
        amount: req.amount,
      },
      (err, result) => {
        const samples = {};
        if (fs.existsSync(samplesFile)) {
          for (const line of fs.readFileSync(samplesFile, 'utf8').split('\n').filter(Boolean)) {
            const { status, body } = JSON.parse(line);
            (samples[status] = samples[status] || []).push(body);
          }
        }
        fs.rmSync(tmp, { recursive: true, force: true });
        return err ? reject(err) : resolve(Object.assign(result, { samples }));
      },
    );
    autocannon.track(instance, { renderProgressBar: false, renderResultsTable: false, renderLatencyTable: false });
  });
}

async function main() {
  const kind = process.env.BENCH_DB || 'postgres';
  const database = await createDatabase(kind, 'gg_bench');
  // Redis on by default (the notice cache's broadcast mode); BENCH_REDIS=false to leave it out.
  const redis =
    process.env.BENCH_REDIS === 'false' ? {} : { REDIS_URL: process.env.REDIS_URL || 'redis://127.0.0.1:6379' };
  const strapi = await bootStrapi(database, {
    NODE_ENV: 'production' === process.env.BENCH_NODE_ENV ? 'production' : 'test',
    // Production refuses to start without PUBLIC_URL (absolute links are never taken from Host).
    PUBLIC_URL: process.env.PUBLIC_URL || 'http://localhost:1337',
    ...redis,
  });
  const baseUrl = await listen(strapi);
  const knex = strapi.db.connection;
  const rows = [];
  const notes = [];
  const baselines = {};

  const note = (text) => notes.push(text);
  // `connections` overrides BENCH_CONNECTIONS for one endpoint (1 = latency without queueing).
  const measure = async (label, req, { baseline, connections } = {}) => {
    const r = await cannon(baseUrl, req, { connections });
    // Only successful responses count as throughput (304 Not Modified is a success for conditional
    // requests); refused ones are counted apart, by status, with a sample of their bodies.
    const ok = (r['2xx'] || 0) + (r['3xx'] || 0);
    const total = ok + (r['4xx'] || 0) + (r['5xx'] || 0) + (r['1xx'] || 0);
    const row = {
      label,
      rps: total ? Math.round((r.requests.average * ok) / total) : 0,
      p50: r.latency.p50,
      p99: r.latency.p99,
      errors: r.errors + r.timeouts + (r['4xx'] || 0) + (r['5xx'] || 0),
      baseline,
    };
    rows.push(row);
    const refused = Object.entries(r.statusCodeStats || {}).filter(([code]) => Number(code) >= 400);
    if (refused.length || r.errors) {
      const byStatus = refused.map(([code, v]) => `${code}×${v.count}`).join(', ');
      note(`${label}: ${ok} ok, refused ${byStatus || 'none'}, socket errors ${r.errors} (timeouts ${r.timeouts})`);
      for (const [code, bodies] of Object.entries(r.samples)) for (const b of bodies) note(`  ${code}: ${b}`);
    }
    return row;
  };

  const scenarioDir = path.join(__dirname, 'bench');
  const scenarios = fs
    .readdirSync(scenarioDir)
    .filter((f) => f.endsWith('.js'))
    .map((f) => require(path.join(scenarioDir, f)))
    .filter((s) => !ONLY || ONLY.includes(s.name));

  const ctx = { strapi, knex, baseUrl, measure, note };
  try {
    for (const s of scenarios) {
      const t = Date.now();
      await s.setup?.(ctx);
      note(`${s.name}: dataset ready in ${((Date.now() - t) / 1000).toFixed(1)} s`);
    }
    // Strapi's own core endpoints, measured in this same run on this same data.
    const token = await strapi
      .service('admin::api-token')
      .create({ name: 'bench', type: 'full-access', lifespan: null });
    baselines['core:list-branches'] = await measure('core GET /api/branches', { path: '/api/branches' });
    // With a token the request bypasses our anonymous response cache: Strapi's core controller itself.
    const readOnly = await strapi
      .service('admin::api-token')
      .create({ name: 'bench-read', type: 'read-only', lifespan: null });
    baselines['core:list-notices'] = await measure('core GET /api/notices (uncached, read-only token)', {
      path: '/api/notices',
      headers: { authorization: `Bearer ${readOnly.accessKey}` },
    });
    baselines['core:create-branch'] = await measure('core POST /api/branches', {
      path: '/api/branches',
      method: 'POST',
      headers: { authorization: `Bearer ${token.accessKey}` },
      load: { module: 'create-branch', data: { prefix: `${process.pid}-${Date.now()}` } },
    });
    for (const s of scenarios) await s.run?.(ctx);
  } finally {
    // Requests autocannon abandoned at the deadline may still hold pool connections.
    await new Promise((r) => setTimeout(r, 2000));
    process.on('unhandledRejection', () => undefined);
    await strapi.destroy().catch(() => undefined);
    await database.drop();
  }

  const mem = process.memoryUsage();
  console.log(
    `\nBenchmark on ${kind}, ${CONNECTIONS} connections, ${DURATION} s per endpoint (Node ${process.version})`,
  );
  console.log('| endpoint | req/s | p50 ms | p99 ms | errors | ratio to core |');
  console.log('|---|---:|---:|---:|---:|---|');
  for (const r of rows) {
    const base = r.baseline && baselines[r.baseline];
    const ratio = base ? `${(r.rps / base.rps).toFixed(2)}× ${base.label}` : '';
    console.log(`| ${r.label} | ${r.rps} | ${r.p50} | ${r.p99} | ${r.errors} | ${ratio} |`);
  }
  for (const t of notes) console.log(`- ${t}`);
  console.log(
    `- memory: rss ${(mem.rss / 2 ** 20).toFixed(0)} MiB, heap used ${(mem.heapUsed / 2 ** 20).toFixed(0)} MiB`,
  );
  process.exit(0);
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
