import { lookup as dnsLookup, type LookupAddress } from 'dns';
import http from 'http';
import https from 'https';
import net from 'net';
import { Agent, buildConnector } from 'undici';
import { isPublicAddress } from './address';

/**
 * Deliveries leave only for public addresses: a registered URL whose host is, or resolves to, any
 * address that is not public unicast is refused (SSRF), unless WEBHOOKS_ALLOW_PRIVATE=true (tests,
 * or an intranet deployment that wants it). The check runs inside the connection's own DNS lookup,
 * so the socket goes to exactly the addresses that were checked (no second resolution to rebind).
 */
const allowPrivate = () => process.env.WEBHOOKS_ALLOW_PRIVATE === 'true';

export const REFUSED_ADDRESS = '指向内网或本机地址，已拒绝 (private or loopback address refused)';
const UNRESOLVED = '域名无法解析 (host does not resolve)';

class TargetRefused extends Error {}

const bareHost = (url: URL) => url.hostname.replace(/^\[|\]$/g, '');

function parseTarget(raw: string): URL | string {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是有效的 URL (not a valid URL)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '只允许 http/https (only http and https)';
  if (url.username || url.password) return '不能包含用户名密码 (no credentials in the URL)';
  return url;
}

type LookupCallback = (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void;

/** A `lookup` for http(s).request: resolves every address, refuses the host if any one is internal. */
function checkedLookup(hostname: string, options: { all?: boolean }, callback: LookupCallback): void {
  dnsLookup(hostname, { all: true, verbatim: true }, (err, addresses) => {
    if (err || !addresses.length) return callback(new TargetRefused(UNRESOLVED), []);
    if (!allowPrivate() && addresses.some((a) => !isPublicAddress(a.address)))
      return callback(new TargetRefused(REFUSED_ADDRESS), []);
    if (options.all) return callback(null, addresses);
    callback(null, addresses[0].address, addresses[0].family);
  });
}

/** Returns null when the URL may receive deliveries, otherwise the reason (Chinese first). */
export async function refuseTarget(raw: string): Promise<string | null> {
  const url = parseTarget(raw);
  if (typeof url === 'string') return url;
  if (allowPrivate()) return null;
  const host = bareHost(url);
  if (net.isIP(host)) return isPublicAddress(host) ? null : REFUSED_ADDRESS;
  return new Promise((resolve) =>
    checkedLookup(host, { all: true }, (err) => resolve(err ? (err as Error).message : null)),
  );
}

export interface Delivered {
  statusCode: number;
}

/**
 * POSTs to a checked target: an IP literal is judged before connecting, a name inside the socket's
 * lookup. Host header and TLS SNI stay the URL's host name. Redirects are not followed.
 */
export async function postTo(
  raw: string,
  headers: Record<string, string>,
  body: string,
  timeoutMs: number,
): Promise<Delivered> {
  const url = parseTarget(raw);
  if (typeof url === 'string') throw new TargetRefused(url);
  const host = bareHost(url);
  if (net.isIP(host) && !allowPrivate() && !isPublicAddress(host)) throw new TargetRefused(REFUSED_ADDRESS);
  const client = url.protocol === 'https:' ? https : http;
  return new Promise((resolve, reject) => {
    const req = client.request(
      url,
      {
        method: 'POST',
        headers: { ...headers, 'Content-Length': String(Buffer.byteLength(body)) },
        lookup: checkedLookup as unknown as net.LookupFunction,
        // No keep-alive agent: a pooled socket would skip the lookup and its check.
        agent: false,
      },
      (res) => {
        res.resume();
        res.on('end', () => {
          clearTimeout(timer);
          resolve({ statusCode: res.statusCode ?? 0 });
        });
        res.on('error', reject);
      },
    );
    // The whole exchange, not only socket idleness, is bounded.
    const timer = setTimeout(() => req.destroy(new Error(`超时 (timeout after ${timeoutMs} ms)`)), timeoutMs);
    req.on('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
    req.end(body);
  });
}

/**
 * A fetch() dispatcher that connects only where a delivery may: an IP literal is judged before
 * connecting, a name inside the connection's own lookup (redirects connect through it again).
 * Strapi's Settings → Webhooks send through `strapi.fetch`, which takes it (src/bootstrap/strapi-webhooks.ts).
 */
export function checkedDispatcher(): Agent {
  const connect = buildConnector({ lookup: checkedLookup as unknown as net.LookupFunction });
  return new Agent({
    connect: (options, callback) => {
      const host = options.hostname.replace(/^\[|\]$/g, '');
      if (net.isIP(host) && !allowPrivate() && !isPublicAddress(host))
        return callback(new TargetRefused(REFUSED_ADDRESS), null);
      return connect(options, callback);
    },
  });
}
