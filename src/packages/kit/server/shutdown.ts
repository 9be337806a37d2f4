import type { Server, IncomingMessage, ServerResponse } from 'http';
import type { Core } from '@strapi/strapi';

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
