import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { databaseEnv, strapi } from './strapi';

export interface OtherInstance {
  /** base URL of the second instance, e.g. http://127.0.0.1:41234 */
  url: string;
  /** stops it (SIGTERM) and waits for its exit */
  stop(): Promise<void>;
  /** kills it (SIGKILL: no shutdown, its work dies mid-way) and waits for its exit */
  kill(): Promise<void>;
}

/**
 * A second app instance on this test file's database (scripts/lib/serve.js in a child process),
 * for tests of what two instances behind a load balancer must agree on. `env` adds variables
 * (REDIS_URL for the cache broadcast); `without` removes inherited ones.
 */
export async function startOtherInstance(
  env: Record<string, string> = {},
  without: string[] = [],
): Promise<OtherInstance> {
  const childEnv: Record<string, string | undefined> = { ...process.env, ...databaseEnv(), NODE_ENV: 'test', ...env };
  for (const key of without) delete childEnv[key];
  const child: ChildProcess = spawn(process.execPath, [path.resolve(__dirname, '../../scripts/lib/serve.js')], {
    env: childEnv,
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (d) => {
      out += d;
      const m = /LISTENING (\S+)/.exec(out);
      if (m) resolve(m[1]);
    });
    child.once('exit', (code) => reject(new Error(`second instance exited ${code}`)));
  });
  return {
    url,
    async stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}

const REDIS_URL = 'redis://127.0.0.1:6379';

/**
 * Runs `fn` with a second instance on this file's database. With `redis`, both instances broadcast
 * cache invalidations through Redis (this one joins the bus for the duration); without it, both read
 * the cache versions from the database. `fn` gets the second instance's base URL.
 */
export async function withOtherInstance(redis: boolean, fn: (url: string) => Promise<void>): Promise<void> {
  // The compiled app's kit: the cache instance A registered in Strapi's container.
  const cache = require(path.resolve(__dirname, '../../dist/src/packages/kit/server')).httpCache(strapi());
  if (redis) {
    process.env.REDIS_URL = REDIS_URL;
    await cache.stop();
    await cache.start();
    if (cache.mode !== 'redis') throw new Error('instance A did not join the Redis bus');
  }
  const other = await startOtherInstance(redis ? { REDIS_URL } : {}, redis ? [] : ['REDIS_URL']);
  try {
    await fn(other.url);
  } finally {
    if (redis) {
      delete process.env.REDIS_URL;
      await cache.stop();
    }
    await other.stop();
  }
}

/** Pub/sub delivery is asynchronous: what a test waits after a change before asking the other instance. */
export const busDelay = (redis: boolean) => (redis ? new Promise((r) => setTimeout(r, 200)) : Promise.resolve());
