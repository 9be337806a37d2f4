// The reference deployment, startable from code: Debian's nginx (deploy/nginx.conf) in front of
// app instances (`strapi start`, NODE_ENV=production) on one PostgreSQL database with Redis.
// Used by `npm run cluster` and by the rehearsal test (tests/cluster), which kills an instance
// with -9 and restarts it while a workload runs.
const { spawn, spawnSync } = require('child_process');
const fs = require('fs');
const net = require('net');
const os = require('os');
const path = require('path');

const appDir = path.resolve(__dirname, '..', '..');
// The package's exports hide bin/: the CLI by its path (the same file npm links as .bin/strapi).
const strapiBin = path.join(appDir, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js');
const NGINX = process.env.NGINX_BIN || '/usr/sbin/nginx';

/**
 * A free loopback port below the kernel's ephemeral range. A port taken there can be handed to any
 * other process's listen(0) or outgoing connection between our check and the instance binding it
 * 10 s later (CI runs the SQLite suite beside this one); below the range only an explicit bind
 * takes it.
 */
function ephemeralStart() {
  try {
    return Number(fs.readFileSync('/proc/sys/net/ipv4/ip_local_port_range', 'utf8').trim().split(/\s+/)[0]) || 32768;
  } catch {
    return 32768;
  }
}

function tryPort(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, '127.0.0.1', () => srv.close(() => resolve(true)));
  });
}

const taken = new Set();
async function freePort() {
  const high = Math.min(ephemeralStart(), 32768) - 1;
  const low = 20000;
  for (let i = 0; i < 200; i += 1) {
    const port = low + Math.floor(Math.random() * (high - low));
    if (!taken.has(port) && (await tryPort(port))) {
      taken.add(port);
      return port;
    }
  }
  throw new Error('no free port below the ephemeral range');
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

/** Waits until GET /_health answers 204 (Strapi's own liveness route) or the child exits. */
async function healthy(url, child, timeoutMs) {
  const until = Date.now() + timeoutMs;
  while (Date.now() < until) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`instance ${url} exited while starting`);
    try {
      const res = await fetch(`${url}/_health`);
      // Only while our child still runs: after a failed bind it exits, and the answer was not its.
      if (res.status === 204 && child.exitCode === null && child.signalCode === null) return;
    } catch {
      // not listening yet
    }
    await sleep(250);
  }
  throw new Error(`instance ${url} not healthy after ${timeoutMs} ms`);
}

function nginxConfig(dir, listen, ports) {
  const template = fs.readFileSync(path.join(appDir, 'deploy', 'nginx.conf'), 'utf8');
  const upstreams = ports.map((p) => `    server 127.0.0.1:${p} max_fails=1 fail_timeout=2s;`).join('\n');
  return template.replaceAll('{{DIR}}', dir).replaceAll('{{LISTEN}}', listen).replace('{{UPSTREAMS}}', upstreams);
}

/**
 * Starts `instances` app instances and nginx in front of them.
 * options.env: environment of every instance (DATABASE_URL and the shared secrets at least);
 * options.port: nginx's port (a free one when omitted); options.dir: where config and logs go.
 * Returns { url, dir, instances: [{ url, port, kill(), start() }], accessLog(), stop() }.
 */
async function startCluster({ env, instances = 2, port, dir, bootTimeoutMs = 120000, log = () => {} } = {}) {
  if (!fs.existsSync(NGINX)) throw new Error(`${NGINX} not found: install Debian's nginx (apt-get install nginx)`);
  dir ??= fs.mkdtempSync(path.join(os.tmpdir(), 'grassroots-cluster-'));
  fs.mkdirSync(dir, { recursive: true });
  port ??= await freePort();
  const url = `http://127.0.0.1:${port}`;
  const ports = [];
  for (let i = 0; i < instances; i += 1) ports.push(await freePort());

  const members = ports.map((p, i) => {
    const self = {
      port: p,
      url: `http://127.0.0.1:${p}`,
      child: undefined,
      /** Starts (or restarts) the instance and waits until it is healthy. */
      async start() {
        const out = fs.openSync(path.join(dir, `instance-${i + 1}.log`), 'a');
        self.child = spawn(process.execPath, [strapiBin, 'start'], {
          cwd: appDir,
          env: {
            ...process.env,
            PUBLIC_URL: url,
            IS_PROXIED: 'true',
            PROXY_TRUSTED_HOPS: '1',
            NODE_ENV: 'production',
            STRAPI_TELEMETRY_DISABLED: 'true',
            STRAPI_DISABLE_UPDATE_NOTIFICATION: 'true',
            ...env,
            HOST: '127.0.0.1',
            PORT: String(p),
          },
          stdio: ['ignore', out, out],
        });
        fs.closeSync(out);
        await healthy(self.url, self.child, bootTimeoutMs);
        log(`instance ${i + 1} ready at ${self.url} (pid ${self.child.pid})`);
      },
      /** Sends a signal (SIGKILL by default) and waits for the process to be gone. */
      async kill(signal = 'SIGKILL') {
        const c = self.child;
        if (!c || c.exitCode !== null || c.signalCode !== null) return;
        const gone = new Promise((r) => c.once('exit', r));
        c.kill(signal);
        await gone;
      },
    };
    return self;
  });

  await Promise.all(members.map((m) => m.start()));

  const confFile = path.join(dir, 'nginx.conf');
  fs.writeFileSync(confFile, nginxConfig(dir, `127.0.0.1:${port}`, ports));
  const test = spawnSync(NGINX, ['-t', '-p', dir, '-c', confFile], { encoding: 'utf8' });
  if (test.status !== 0) throw new Error(`nginx -t failed:\n${test.stderr}`);
  const nginx = spawn(NGINX, ['-p', dir, '-c', confFile], { stdio: ['ignore', 'ignore', 'inherit'] });
  // Ready when nginx itself answers (its Server header) and is still running: a bind that failed
  // makes nginx exit, and whatever else answered on the port would not be it.
  for (let i = 0; ; i += 1) {
    const server = await fetch(`${url}/_health`).then(
      (res) => res.headers.get('server'),
      () => null,
    );
    if (nginx.exitCode !== null) throw new Error(`nginx exited (${nginx.exitCode}): see ${dir}/error.log`);
    if (server === 'nginx') break;
    if (i > 80) throw new Error(`nginx did not answer on ${url} (last Server header: ${server})`);
    await sleep(100);
  }
  log(`nginx ready at ${url} in front of ${members.map((m) => m.port).join(', ')}`);

  return {
    url,
    dir,
    instances: members,
    /** nginx's access log, one object per request. */
    accessLog() {
      const file = path.join(dir, 'access.log');
      if (!fs.existsSync(file)) return [];
      return fs
        .readFileSync(file, 'utf8')
        .split('\n')
        .filter(Boolean)
        .map((l) => JSON.parse(l));
    },
    /** Stops nginx, then every instance with SIGTERM (they drain their requests). */
    async stop() {
      if (nginx.exitCode === null) {
        const gone = new Promise((r) => nginx.once('exit', r));
        nginx.kill('SIGQUIT');
        await gone;
      }
      await Promise.all(members.map((m) => m.kill('SIGTERM')));
    },
  };
}

module.exports = { startCluster, freePort };
