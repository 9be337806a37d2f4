import { promisify } from 'util';
import { brotliCompress, constants, gzip } from 'zlib';
import type { Ctx } from '../http';

const brotli = promisify(brotliCompress);
const gzipAsync = promisify(gzip);

/** The content codings a cached body is kept in besides identity. */
export interface Encoded {
  br: Buffer;
  gzip: Buffer;
}

/** Below this, compression saves less than its own headers cost (koa-compress draws the same line). */
export const COMPRESS_THRESHOLD = 1024;

/**
 * Compresses a cached body once, when it is stored, on libuv's thread pool (the event loop keeps
 * serving). Brotli at quality 5: a copy is rebuilt after every write to its scopes, and on this
 * 2-core machine quality 11 costs ~20× the CPU for a few percent fewer bytes.
 * Resolves to null for a small body or a failed compression: the identity copy is then served.
 */
export async function encode(body: Buffer): Promise<Encoded | null> {
  if (body.length < COMPRESS_THRESHOLD) return null;
  try {
    const [br, gz] = await Promise.all([
      brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: 5,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
          [constants.BROTLI_PARAM_MODE]: constants.BROTLI_MODE_TEXT,
        },
      }),
      gzipAsync(body, { level: 6 }),
    ]);
    return { br, gzip: gz };
  } catch {
    return null;
  }
}

/**
 * The coding to answer with, by Koa's negotiation: the client's q-values, then its own order (`*`
 * gives brotli). No header, or nothing acceptable but identity: identity.
 */
export function codingOf(ctx: Ctx): keyof Encoded | 'identity' {
  if (!ctx.get('Accept-Encoding')) return 'identity';
  const coding = ctx.acceptsEncodings('br', 'gzip', 'identity');
  return coding === 'br' || coding === 'gzip' ? coding : 'identity';
}
