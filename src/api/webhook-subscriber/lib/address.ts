import ipaddr from 'ipaddr.js';
import net from 'net';

/**
 * Which IP addresses a webhook may connect to: public unicast only. An allow-list, not a deny-list,
 * so a form nobody thought of (a new special range, an IPv6 wrapping of an IPv4 address) is refused
 * rather than let through. Parsing is ipaddr.js's; the forms that carry an IPv4 address inside an
 * IPv6 one are unwrapped and the IPv4 address is judged instead.
 */
export function isPublicAddress(ip: string): boolean {
  if (!net.isIP(ip)) return false;
  const addr = ipaddr.parse(canonical(ip));
  if (addr.kind() === 'ipv4') return (addr as ipaddr.IPv4).range() === 'unicast';
  const v6 = addr as ipaddr.IPv6;
  const embedded = embeddedIPv4(v6);
  if (embedded !== undefined) return embedded !== null && embedded.range() === 'unicast';
  // Global unicast is 2000::/3; anything else (ULA, link-local, multicast, reserved …) stays inside.
  return v6.range() === 'unicast' && v6.match(ipaddr.IPv6.parse('2000::'), 3);
}

/**
 * The IPv4 address an IPv6 form stands for: mapped (::ffff:a.b.c.d), SIIT (::ffff:0:a.b.c.d),
 * NAT64 well-known prefix (64:ff9b::a.b.c.d). null: a wrapping we refuse outright (IPv4-compatible
 * ::a.b.c.d, NAT64 local-use 64:ff9b:1::/48, 6to4, Teredo). undefined: a plain IPv6 address.
 */
function embeddedIPv4(v6: ipaddr.IPv6): ipaddr.IPv4 | null | undefined {
  const p = v6.parts;
  const tail = () => new ipaddr.IPv4([p[6] >> 8, p[6] & 0xff, p[7] >> 8, p[7] & 0xff]);
  const zero = (from: number, to: number) => p.slice(from, to).every((x) => x === 0);
  if (zero(0, 5) && p[5] === 0xffff) return tail();
  if (zero(0, 4) && p[4] === 0xffff && p[5] === 0) return tail();
  if (p[0] === 0x64 && p[1] === 0xff9b && zero(2, 6)) return tail();
  if (zero(0, 6)) return null; // ::/96: IPv4-compatible, unspecified, loopback
  const range = v6.range();
  if (range === 'rfc6052' || range === '6to4' || range === 'teredo') return null;
  return undefined;
}

/**
 * ipaddr.js reads a dotted tail after `::` as IPv4-mapped (`::8.8.8.8` becomes `::ffff:808:808`);
 * the WHATWG URL parser (what resolves a webhook's host) reads it as IPv4-compatible. Judge the
 * address the way the URL parser and the socket read it.
 */
const canonical = (ip: string): string => (net.isIPv6(ip) ? new URL(`http://[${ip}]/`).hostname.slice(1, -1) : ip);
