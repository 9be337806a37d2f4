import { spawn } from 'child_process';
import { connect, createServer, type Socket } from 'net';
import path from 'path';
import { createDatabase, type Database } from '../../scripts/lib/boot';

// How an operator stops the app: `npm run seed` ends by itself, a server gets SIGTERM. Both exit 0
// with nothing on stderr; a request being served when SIGTERM arrives still gets its answer, and a
// new connection after it is refused. (Strapi's own shutdown destroys open sockets and then the
// database pool under running queries: tarn's "Error: aborted", exit 1.)
const root = path.resolve(__dirname, '../..');
const databases: Database[] = [];
afterAll(async () => {
  for (const db of databases) await db.drop();
});

interface Exit {
  code: number | null;
  stdout: string;
  stderr: string;
}

function start(args: string[], env: Record<string, string>) {
  const child = spawn(process.execPath, args, {
    cwd: root,
    env: { ...process.env, NODE_ENV: 'test', STRAPI_TELEMETRY_DISABLED: 'true', BROWSER: 'none', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d) => (stdout += d));
  child.stderr.on('data', (d) => (stderr += d));
  const exited = new Promise<Exit>((resolve) =>
    child.once('exit', (code) => resolve({ code, stdout, stderr: stderr.trim() })),
  );
  return { child, exited, out: () => stdout };
}

async function freshDatabase(): Promise<Record<string, string>> {
  const db = await createDatabase();
  databases.push(db);
  return db.env;
}

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function waitHealthy(port: number, exited: Promise<Exit>): Promise<void> {
  let done = false;
  void exited.then(() => (done = true));
  for (;;) {
    if (done) throw new Error('the server exited before it answered');
    const ok = await fetch(`http://127.0.0.1:${port}/_health`)
      .then((r) => r.status === 204)
      .catch(() => false);
    if (ok) return;
    await sleep(500);
  }
}

/** Sends a request's head now and returns a function that sends its body and reads the whole answer. */
function halfSent(port: number, body: string): Promise<{ finish: () => Promise<string> }> {
  return new Promise((resolve, reject) => {
    const socket: Socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST /api/auth/local HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${Buffer.byteLength(body)}\r\nConnection: close\r\n\r\n`,
      );
      let answer = '';
      socket.on('data', (d) => (answer += d));
      const ended = new Promise<string>((res) => socket.once('close', () => res(answer)));
      resolve({
        finish: () => {
          socket.write(body);
          return ended;
        },
      });
    });
    socket.once('error', reject);
  });
}

describe('shutdown', () => {
  it('npm run seed seeds a fresh database and exits 0 without errors', async () => {
    const env = await freshDatabase();
    const seed = start([path.join(root, 'scripts', 'seed.js')], env);
    const result = await seed.exited;
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/\[seed\] Weishi demo: \d+ records created/);
  }, 900_000);

  it('a server on SIGTERM answers the request in flight, refuses new connections and exits 0', async () => {
    const env = await freshDatabase();
    const port = await freePort();
    const server = start([path.join(root, 'node_modules', '@strapi', 'strapi', 'bin', 'strapi.js'), 'start'], {
      ...env,
      HOST: '127.0.0.1',
      PORT: String(port),
      SEED_DEMO: 'false',
    });
    await waitHealthy(port, server.exited);

    const inFlight = await halfSent(port, JSON.stringify({ identifier: 'nobody@example.test', password: 'wrong-1' }));
    await sleep(500); // the head is read: the request is being served, waiting for its body
    server.child.kill('SIGTERM');
    await sleep(500);
    const refused = await fetch(`http://127.0.0.1:${port}/_health`).then(
      () => false,
      () => true,
    );
    const answer = await inFlight.finish();
    const result = await server.exited;

    expect(answer).toMatch(/^HTTP\/1\.1 400 /); // wrong credentials, answered in full
    expect(answer).toMatch(/"status":400/);
    expect(refused).toBe(true);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
  }, 600_000);
});
