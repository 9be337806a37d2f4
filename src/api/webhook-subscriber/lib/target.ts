import { lookup } from 'dns/promises';
import net from 'net';

/**
 * Deliveries leave only for public addresses: a registered URL that resolves to a loopback,
 * private, link-local or otherwise internal address is refused (SSRF), unless
 * WEBHOOKS_ALLOW_PRIVATE=true (tests, or an intranet deployment that wants it).
 */
const allowPrivate = () => process.env.WEBHOOKS_ALLOW_PRIVATE === 'true';

export function isInternalAddress(ip: string): boolean {
  if (net.isIPv6(ip)) {
    const v = ip.toLowerCase();
    if (v.startsWith('::ffff:')) return isInternalAddress(v.slice(7));
    return (
      v === '::1' ||
      v === '::' ||
      v.startsWith('fc') ||
      v.startsWith('fd') ||
      v.startsWith('fe8') ||
      v.startsWith('fe9') ||
      v.startsWith('fea') ||
      v.startsWith('feb')
    );
  }
  const [a, b] = ip.split('.').map(Number);
  return (
    a === 10 ||
    a === 127 ||
    a === 0 ||
    (a === 169 && b === 254) ||
    (a === 172 && b >= 16 && b <= 31) ||
    (a === 192 && b === 168) ||
    (a === 100 && b >= 64 && b <= 127) ||
    a >= 224
  );
}

/** Returns null when the URL may receive deliveries, otherwise the reason (Chinese first). */
export async function refuseTarget(raw: string): Promise<string | null> {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return '不是有效的 URL (not a valid URL)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return '只允许 http/https (only http and https)';
  if (url.username || url.password) return '不能包含用户名密码 (no credentials in the URL)';
  if (allowPrivate()) return null;
  const host = url.hostname.replace(/^\[|\]$/g, '');
  let addresses: string[];
  try {
    addresses = net.isIP(host) ? [host] : (await lookup(host, { all: true })).map((a) => a.address);
  } catch {
    return '域名无法解析 (host does not resolve)';
  }
  if (addresses.some(isInternalAddress)) return '指向内网或本机地址，已拒绝 (private or loopback address refused)';
  return null;
}
