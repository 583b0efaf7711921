import { BlockList, isIP } from 'node:net';

/** Why an address may not receive notify's requests. */
export type ForbiddenKind =
  'cloud metadata' | 'loopback' | 'private' | 'link-local' | 'unspecified' | 'multicast' | 'reserved';

const FORBIDDEN_KINDS: readonly ForbiddenKind[] = [
  'cloud metadata',
  'loopback',
  'private',
  'link-local',
  'unspecified',
  'multicast',
  'reserved',
];

const RANGES: Record<ForbiddenKind, [string, number, 'ipv4' | 'ipv6'][]> = {
  // First, so that 169.254.169.254 is named for what it is. Alibaba Cloud's is 100.100.100.200,
  // Tencent Cloud's 169.254.0.23, AWS's IPv6 one fd00:ec2::254.
  'cloud metadata': [
    ['169.254.169.254', 32, 'ipv4'],
    ['169.254.170.2', 32, 'ipv4'],
    ['100.100.100.200', 32, 'ipv4'],
    ['169.254.0.23', 32, 'ipv4'],
    ['fd00:ec2::254', 128, 'ipv6'],
  ],
  loopback: [
    ['127.0.0.0', 8, 'ipv4'],
    ['::1', 128, 'ipv6'],
  ],
  private: [
    ['10.0.0.0', 8, 'ipv4'],
    ['172.16.0.0', 12, 'ipv4'],
    ['192.168.0.0', 16, 'ipv4'],
    // Carrier-grade NAT (RFC 6598): inside a provider's network, never a public receiver.
    ['100.64.0.0', 10, 'ipv4'],
    ['fc00::', 7, 'ipv6'],
  ],
  'link-local': [
    ['169.254.0.0', 16, 'ipv4'],
    ['fe80::', 10, 'ipv6'],
  ],
  unspecified: [
    ['0.0.0.0', 8, 'ipv4'],
    ['::', 128, 'ipv6'],
  ],
  multicast: [
    ['224.0.0.0', 4, 'ipv4'],
    ['ff00::', 8, 'ipv6'],
  ],
  // 240/4 (and the broadcast address in it), IETF protocol assignments, benchmarking.
  reserved: [
    ['240.0.0.0', 4, 'ipv4'],
    ['192.0.0.0', 24, 'ipv4'],
    ['198.18.0.0', 15, 'ipv4'],
  ],
};

const LISTS = new Map(
  FORBIDDEN_KINDS.map((kind) => {
    const list = new BlockList();
    for (const [net, prefix, family] of RANGES[kind]) list.addSubnet(net, prefix, family);
    return [kind, list] as const;
  }),
);

/** The 16 bytes of an IPv6 address (a dotted IPv4 tail included). */
function ipv6Bytes(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split('.').map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.split('::');
  const part = (s: string | undefined) => (s ? s.split(':').map((h) => parseInt(h, 16)) : []);
  const left = part(head);
  const right = part(tail);
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill(0), ...right];
  return groups.flatMap((g) => [g >> 8, g & 0xff]);
}

/** An IPv4 address carried inside an IPv6 one (NAT64 64:ff9b::/96, 6to4 2002::/16), checked as itself. */
function embeddedIpv4(address: string): string | null {
  const b = ipv6Bytes(address);
  if (b.length !== 16) return null;
  const nat64 = [0x00, 0x64, 0xff, 0x9b, 0, 0, 0, 0, 0, 0, 0, 0];
  if (nat64.every((x, i) => b[i] === x)) return b.slice(12).join('.');
  if (b[0] === 0x20 && b[1] === 0x02) return b.slice(2, 6).join('.');
  return null;
}

/**
 * Why an IP address may not receive requests, or null when it is a public address. IPv4 written
 * inside IPv6 (mapped ::ffff:a.b.c.d, NAT64, 6to4) is judged as the IPv4 address it carries.
 */
export function forbiddenKind(address: string): ForbiddenKind | null {
  const bare = address.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  const family = isIP(bare);
  if (!family) return null;
  const type = family === 4 ? 'ipv4' : 'ipv6';
  for (const kind of FORBIDDEN_KINDS) if (LISTS.get(kind)!.check(bare, type)) return kind;
  if (family === 6) {
    const inner = embeddedIpv4(bare);
    if (inner) return forbiddenKind(inner);
  }
  return null;
}

/** Host names that always mean this machine or a cloud's metadata service, whatever DNS says. */
export function forbiddenHostName(hostname: string): ForbiddenKind | null {
  const h = hostname.toLowerCase().replace(/\.$/, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return 'loopback';
  if (['metadata.google.internal', 'metadata.tencentyun.com', 'metadata', 'instance-data'].includes(h))
    return 'cloud metadata';
  return null;
}

/**
 * Whether a kind is refused under the admin's setting: with private receivers allowed, only cloud
 * metadata addresses stay refused (no receiver lives there; a request there reads credentials).
 */
export const refused = (kind: ForbiddenKind | null, allowPrivate: boolean): kind is ForbiddenKind =>
  kind !== null && (!allowPrivate || kind === 'cloud metadata');

export const addressProblem = (address: string, kind: ForbiddenKind): string =>
  `url must not point to a ${kind} address (${address}); set NOTIFY_ALLOW_PRIVATE_RECEIVERS=true to allow internal receivers`;
