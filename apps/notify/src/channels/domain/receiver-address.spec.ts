import { addressProblem, forbiddenHostName, forbiddenKind, refused } from './receiver-address';

describe('receiver addresses', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.0.9', 'loopback'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['10.1.2.3', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.254', 'private'],
    ['192.168.1.1', 'private'],
    ['100.64.0.1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fc00::1', 'private'],
    ['::ffff:10.0.0.1', 'private'],
    ['64:ff9b::a00:1', 'private'],
    ['2002:c0a8:0101::1', 'private'],
    ['169.254.1.1', 'link-local'],
    ['fe80::1', 'link-local'],
    ['fe80::1%eth0', 'link-local'],
    ['169.254.169.254', 'cloud metadata'],
    ['100.100.100.200', 'cloud metadata'],
    ['169.254.0.23', 'cloud metadata'],
    ['fd00:ec2::254', 'cloud metadata'],
    ['::ffff:169.254.169.254', 'cloud metadata'],
    ['0.0.0.0', 'unspecified'],
    ['0.1.2.3', 'unspecified'],
    ['::', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['ff02::1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['240.0.0.1', 'reserved'],
  ])('refuses %s as %s', (address, kind) => {
    expect(forbiddenKind(address)).toBe(kind);
  });

  it.each(['8.8.8.8', '172.32.0.1', '100.128.0.1', '93.184.216.34', '2400:3200::1', '2001:4860:4860::8888'])(
    'lets the public address %s through',
    (address) => {
      expect(forbiddenKind(address)).toBeNull();
    },
  );

  it('knows the names that always mean this machine or a metadata service', () => {
    expect(forbiddenHostName('localhost')).toBe('loopback');
    expect(forbiddenHostName('api.LOCALHOST.')).toBe('loopback');
    expect(forbiddenHostName('metadata.google.internal')).toBe('cloud metadata');
    expect(forbiddenHostName('metadata.tencentyun.com')).toBe('cloud metadata');
    expect(forbiddenHostName('qyapi.weixin.qq.com')).toBeNull();
  });

  it('lets the admin allow internal receivers, but never a cloud metadata service', () => {
    expect(refused('private', false)).toBe(true);
    expect(refused('private', true)).toBe(false);
    expect(refused('loopback', true)).toBe(false);
    expect(refused('cloud metadata', true)).toBe(true);
    expect(refused(null, false)).toBe(false);
    expect(addressProblem('10.0.0.1', 'private')).toMatch(
      /^url must not point to a private address \(10\.0\.0\.1\)/,
    );
  });
});
