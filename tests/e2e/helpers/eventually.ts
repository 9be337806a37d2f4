/**
 * Polls `read` until it returns `expected` (deep equality by JSON) or the timeout passes, then returns the
 * last value read so the caller's expect() shows what the page actually caused. Browser clicks write
 * asynchronously; a fixed sleep would either flake or waste time.
 */
export async function eventually<T>(read: () => Promise<T>, expected: T, timeoutMs = 30000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (JSON.stringify(value) !== JSON.stringify(expected) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    value = await read();
  }
  return value;
}
