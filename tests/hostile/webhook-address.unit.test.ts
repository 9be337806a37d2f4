import dns from 'dns';
import http from 'http';
import type { AddressInfo } from 'net';
import { isPublicAddress } from '../../src/api/webhook-subscriber/lib/address';
import { postTo, refuseTarget } from '../../src/api/webhook-subscriber/lib/target';

describe('webhook address classifier (public unicast only)', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'this network'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.254', 'CGNAT'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.2.1', 'documentation'],
    ['198.18.0.1', 'benchmarking'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['0:0:0:0:0:ffff:a00:1', 'IPv4-mapped private, long form'],
    ['::ffff:169.254.169.254', 'IPv4-mapped link-local'],
    ['::ffff:100.64.0.1', 'IPv4-mapped CGNAT'],
    ['::ffff:0:127.0.0.1', 'SIIT loopback'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::7f00:1', 'IPv4-compatible loopback, hex'],
    ['::8.8.8.8', 'IPv4-compatible (deprecated) even when public'],
    ['64:ff9b::127.0.0.1', 'NAT64 loopback'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 link-local'],
    ['64:ff9b::10.0.0.1', 'NAT64 private'],
    ['64:ff9b:1::a00:1', 'NAT64 local-use prefix'],
    ['2002:7f00:1::1', '6to4'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['fe80::1', 'IPv6 link-local'],
    ['febf::1', 'IPv6 link-local, upper end'],
    ['fec0::1', 'deprecated site-local'],
    ['fc00::1', 'unique local'],
    ['fd12:3456::1', 'unique local'],
    ['ff02::1', 'IPv6 multicast'],
    ['2001:db8::1', 'documentation'],
    ['100::1', 'discard'],
    ['not an address', 'garbage'],
  ])('refuses %s (%s)', (ip) => {
    expect(isPublicAddress(ip)).toBe(false);
  });

  it.each(['93.184.216.34', '8.8.8.8', '2606:4700:4700::1111', '::ffff:93.184.216.34', '64:ff9b::808:808'])(
    'accepts public %s',
    (ip) => {
      expect(isPublicAddress(ip)).toBe(true);
    },
  );
});

describe('webhook delivery connects only to the address it checked', () => {
  let server: http.Server;
  let port: number;
  let hits = 0;
  beforeAll(async () => {
    delete process.env.WEBHOOKS_ALLOW_PRIVATE;
    server = http.createServer((_req, res) => {
      hits++;
      res.end('ok');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    port = (server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise((r) => server.close(r)));
  afterEach(() => jest.restoreAllMocks());

  it.each([
    'http://127.0.0.1:PORT/h',
    'http://localhost:PORT/h',
    'http://[::ffff:127.0.0.1]:PORT/h',
    'http://[::ffff:7f00:1]:PORT/h',
    'http://[::127.0.0.1]:PORT/h',
    'http://[64:ff9b::7f00:1]:PORT/h',
    'http://2130706433:PORT/h',
    'http://0x7f.1:PORT/h',
    'http://127.1:PORT/h',
    'http://0:PORT/h',
  ])('refuses %s at save time and at send time; the receiver is never hit', async (form) => {
    const url = form.replace('PORT', String(port));
    expect(await refuseTarget(url)).toMatch(/private or loopback|does not resolve/);
    await expect(postTo(url, {}, '{}', 2000)).rejects.toThrow(/private or loopback|does not resolve/);
    expect(hits).toBe(0);
  });

  it('a name that passed when saved but resolves to loopback at send time (DNS rebinding) is refused', async () => {
    const real = dns.lookup;
    let calls = 0;
    jest.spyOn(dns, 'lookup').mockImplementation(((host: string, opts: unknown, cb: (...a: unknown[]) => void) => {
      if (host !== 'hooks.example.test') return (real as (...a: unknown[]) => void)(host, opts, cb);
      calls++;
      // First answer public, every later one loopback: the attacker's DNS flips after the check.
      const address = calls === 1 ? '93.184.216.34' : '127.0.0.1';
      cb(null, [{ address, family: 4 }]);
    }) as unknown as typeof dns.lookup);
    expect(await refuseTarget(`http://hooks.example.test:${port}/h`)).toBeNull();
    await expect(postTo(`http://hooks.example.test:${port}/h`, {}, '{}', 2000)).rejects.toThrow(/private or loopback/);
    expect(hits).toBe(0);
  });

  it('a name with one public and one internal address is refused', async () => {
    jest.spyOn(dns, 'lookup').mockImplementation(((_h: string, _o: unknown, cb: (...a: unknown[]) => void) =>
      cb(null, [
        { address: '93.184.216.34', family: 4 },
        { address: '::ffff:10.0.0.1', family: 6 },
      ])) as unknown as typeof dns.lookup);
    expect(await refuseTarget('https://mixed.example.test/h')).toMatch(/private or loopback/);
  });

  it('with WEBHOOKS_ALLOW_PRIVATE=true (intranet, tests) a loopback receiver gets the POST, Host kept', async () => {
    process.env.WEBHOOKS_ALLOW_PRIVATE = 'true';
    try {
      const res = await postTo(`http://localhost:${port}/h`, { 'X-Test': '1' }, '{"a":1}', 2000);
      expect(res.statusCode).toBe(200);
      expect(hits).toBe(1);
    } finally {
      delete process.env.WEBHOOKS_ALLOW_PRIVATE;
      hits = 0;
    }
  });
});
