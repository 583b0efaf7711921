import { createServer, IncomingMessage, Server } from 'node:http';
import { fixedResolve } from '../../notify-spec.fixture';
import { postGuarded, ReceiverRefusedError, receiverAddressProblems, Resolve } from './guarded-http';

describe('guarded HTTP to receivers', () => {
  let server: Server;
  let port: number;
  const seen: IncomingMessage[] = [];

  beforeAll(async () => {
    server = createServer((req, res) => {
      seen.push(req);
      req.resume();
      req.on('end', () => res.writeHead(200, { 'content-type': 'application/json' }).end('{"errcode":0}'));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', () => r()));
    port = (server.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((r) => server.close(() => r())));

  const post = (url: string, allowPrivate: boolean, resolve: Resolve) =>
    postGuarded(
      { url, headers: { 'content-type': 'application/json' }, body: '{}' },
      { timeoutMs: 2000, allowPrivate, resolve },
    );

  it('connects to the address it checked, under the name it was given', async () => {
    const before = seen.length;
    const res = await post(
      `http://robot.zone.test:${port}/send`,
      true,
      fixedResolve({ 'robot.zone.test': ['127.0.0.1'] }),
    );
    expect(res).toEqual({ status: 200, text: '{"errcode":0}' });
    expect(seen.length).toBe(before + 1);
    expect(seen[seen.length - 1].headers.host).toBe(`robot.zone.test:${port}`);
  });

  it('refuses a name that resolves to an internal address when the request is made, and connects nowhere', async () => {
    const before = seen.length;
    await expect(
      post(`http://robot.zone.test:${port}/send`, false, fixedResolve({ 'robot.zone.test': ['127.0.0.1'] })),
    ).rejects.toThrow(/refused to connect to robot\.zone\.test \(127\.0\.0\.1\): a loopback address/);
    await expect(post(`http://127.0.0.1:${port}/send`, false, fixedResolve({}))).rejects.toBeInstanceOf(
      ReceiverRefusedError,
    );
    await expect(
      post(`http://localhost:${port}/send`, false, fixedResolve({ localhost: ['127.0.0.1'] })),
    ).rejects.toThrow(/loopback/);
    expect(seen.length).toBe(before);
  });

  it('refuses a name that was public when the subscription was saved and points inside when a message is sent (DNS rebinding)', async () => {
    let answers = 0;
    const rebinding: Resolve = async () => [
      { address: answers++ === 0 ? '93.184.216.34' : '127.0.0.1', family: 4 },
    ];
    const before = seen.length;
    expect(await receiverAddressProblems(`http://hook.zone.test:${port}/x`, false, rebinding)).toBeNull();
    await expect(post(`http://hook.zone.test:${port}/x`, false, rebinding)).rejects.toThrow(
      /loopback address/,
    );
    expect(seen.length).toBe(before);
  });

  it('refuses a name any of whose addresses is internal, and lets an unresolvable name wait for the check at send time', async () => {
    const dns = fixedResolve({ 'mixed.zone.test': ['93.184.216.34', '10.1.2.3'] });
    expect(await receiverAddressProblems('https://mixed.zone.test/x', false, dns)).toMatchObject({
      address: '10.1.2.3',
      kind: 'private',
    });
    expect(await receiverAddressProblems('https://later.zone.test/x', false, dns)).toBeNull();
    expect(await receiverAddressProblems('https://[fe80::1]/x', false, dns)).toMatchObject({
      kind: 'link-local',
    });
    expect(await receiverAddressProblems('https://169.254.169.254/x', true, dns)).toMatchObject({
      kind: 'cloud metadata',
    });
  });
});
