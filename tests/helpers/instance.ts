import { spawn, type ChildProcess } from 'child_process';
import path from 'path';
import { databaseEnv } from './strapi';

export interface OtherInstance {
  /** base URL of the second instance, e.g. http://127.0.0.1:41234 */
  url: string;
  /** stops it (SIGTERM) and waits for its exit */
  stop(): Promise<void>;
}

/**
 * A second app instance on this test file's database (scripts/lib/serve.js in a child process),
 * for tests of what two instances behind a load balancer must agree on. `env` adds variables
 * (REDIS_URL for the cache broadcast); `without` removes inherited ones.
 */
export async function startOtherInstance(env: Record<string, string> = {}, without: string[] = []): Promise<OtherInstance> {
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
  };
}
