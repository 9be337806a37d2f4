import type { Server, IncomingMessage, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';
import { knexOf } from './db';

/**
 * Strapi's own shutdown destroys every open socket, requests in the middle of their work included,
 * and then the database pool under them. The app drains first: it stops accepting connections,
 * closes idle keep-alive ones and waits (at most `graceMs`) for the requests already being served.
 */
const inFlight = new WeakMap<Server, { count: number; idle: Array<() => void> }>();

/** Counts the requests being served; call once the HTTP server exists (bootstrap). */
export function trackRequests(strapi: Core.Strapi): void {
  const server = strapi.server.httpServer as Server;
  if (inFlight.has(server)) return;
  const state = { count: 0, idle: [] as Array<() => void> };
  inFlight.set(server, state);
  server.on('request', (_req: IncomingMessage, res: ServerResponse) => {
    state.count += 1;
    res.once('close', () => {
      state.count -= 1;
      if (state.count === 0) for (const wake of state.idle.splice(0)) wake();
    });
  });
}

/** Stops accepting connections and resolves when the requests being served have answered, or after `graceMs`. */
export async function drainRequests(strapi: Core.Strapi, graceMs: number): Promise<void> {
  const server = strapi.server?.httpServer as Server | undefined;
  const state = server && inFlight.get(server);
  if (!server || !state) return;
  if (server.listening) server.close();
  server.closeIdleConnections();
  if (state.count === 0) return;
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([
    new Promise<void>((resolve) => state.idle.push(resolve)),
    new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        strapi.log.warn(`[shutdown] ${state.count} request(s) still running after ${graceMs} ms`);
        resolve();
      }, graceMs);
    }),
  ]);
  clearTimeout(timer);
  // Keep-alive sockets that served the last requests are idle now.
  server.closeIdleConnections();
}

interface PoolGauge {
  numUsed(): number;
  numPendingAcquires(): number;
  numPendingCreates(): number;
}

/**
 * Resolves once the database pool has stayed idle (no connection in use, none asked for) for
 * `quietMs`, or after `graceMs`. Strapi's document service sends each entry event after the
 * transaction commits without awaiting it (`onCommit(() => emitEvent(...))`, which first reloads the
 * entry): a large transaction such as the demo seed leaves hundreds of such queries running, and the
 * pool, destroyed under them, rejects the next one with "aborted" — an unhandled rejection, exit 1.
 * Nothing of ours can await those promises; an idle pool is the sign that they are done.
 */
export async function settleDatabase(strapi: Core.Strapi, graceMs: number, quietMs = 100): Promise<void> {
  const pool = (knexOf(strapi).client as { pool?: PoolGauge }).pool;
  if (!pool) return;
  const busy = () => pool.numUsed() + pool.numPendingAcquires() + pool.numPendingCreates() > 0;
  const deadline = Date.now() + graceMs;
  let quietSince = busy() ? 0 : Date.now();
  while (Date.now() < deadline) {
    if (quietSince && Date.now() - quietSince >= quietMs) return;
    await new Promise((resolve) => setTimeout(resolve, 10));
    if (busy()) quietSince = 0;
    else quietSince ||= Date.now();
  }
  strapi.log.warn(`[shutdown] the database pool was still busy after ${graceMs} ms`);
}
