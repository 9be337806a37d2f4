/**
 * SQLite shared by two app processes refuses a write with "database is locked" when another
 * process holds the write lock (and at once, without waiting, when a read transaction would have to
 * be upgraded). The refused statement changed nothing, so running it again is safe; PostgreSQL
 * never raises this and is unaffected.
 */
interface DriverError {
  code?: unknown;
  message?: unknown;
  cause?: unknown;
  original?: unknown;
  nativeError?: unknown;
}

export function isBusy(err: unknown): boolean {
  let e = err as DriverError | undefined;
  for (let i = 0; e && typeof e === 'object' && i < 5; i += 1) {
    if (/SQLITE_BUSY|database is locked/i.test(`${String(e.code ?? '')} ${String(e.message ?? '')}`)) return true;
    e = (e.cause ?? e.original ?? e.nativeError) as DriverError | undefined;
  }
  return false;
}

export async function retryBusy<T>(fn: () => Promise<T>, attempts = 8): Promise<T> {
  for (let i = 1; ; i += 1) {
    try {
      return await fn();
    } catch (err) {
      if (i >= attempts || !isBusy(err)) throw err;
      // Jittered back-off so the two processes do not collide again in lock-step.
      await new Promise((r) => setTimeout(r, 10 * i + Math.random() * 25 * i));
    }
  }
}
