import { createServer, Server } from 'node:http';
import { ChannelSender } from '../../../channels/infrastructure/channel.sender';
import { InMemoryDirectoryRepository } from '../../../directory/infrastructure/directory.in-memory-repository';
import { specSettings } from '../../../notify-spec.fixture';
import { Subscription } from '../../domain/subscription.aggregate';
import { InMemorySubscriptionRepository } from '../../infrastructure/subscription.in-memory-repository';
import { TestSubscriptionCommand } from './test-subscription.command';
import { TestSubscriptionHandler } from './test-subscription.handler';

const settings = specSettings({ timeoutMs: 2000, allowHttp: true, allowPrivateReceivers: true });
const GOOD = '0193a000-0000-7000-8000-0000000000a1';
const BAD = '0193a000-0000-7000-8000-0000000000a2';
const SMS = '0193a000-0000-7000-8000-0000000000a3';

const directory = new InMemoryDirectoryRepository();
const person = (id: string, mobile: string | null) =>
  directory.saveUser({
    id,
    role: 'committee',
    displayName: id,
    enterpriseId: null,
    departmentId: null,
    gridIds: [],
    mobile,
    email: null,
    active: true,
  });

describe('TestSubscriptionHandler', () => {
  let robot: Server;
  let url: string;
  const bodies: string[] = [];

  // A real WeCom-like robot on loopback: only its own key is valid, as qyapi answers an unknown one.
  beforeAll(async () => {
    robot = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        bodies.push(Buffer.concat(chunks).toString('utf8'));
        const ok = new URL(req.url ?? '', 'http://x').searchParams.get('key') === 'right-key';
        res.writeHead(200, { 'content-type': 'application/json' });
        res.end(
          JSON.stringify(
            ok ? { errcode: 0, errmsg: 'ok' } : { errcode: 93000, errmsg: 'invalid webhook url' },
          ),
        );
      });
    });
    await new Promise<void>((r) => robot.listen(0, '127.0.0.1', () => r()));
    url = `http://127.0.0.1:${(robot.address() as { port: number }).port}/cgi-bin/webhook/send`;
  });
  afterAll(() => new Promise<void>((r) => robot.close(() => r())));

  const subscription = (id: string, key: string, language: 'zh' | 'en' = 'zh') =>
    Subscription.create({
      id,
      definition: {
        name: `群 ${key}`,
        channel: 'wecom',
        events: ['ticket.assigned'],
        departmentIds: [],
        categories: [],
        gridIds: [],
        urgencies: [],
        url: `${url}?key=${key}`,
        secret: null,
        msgtype: 'markdown',
        mentionMobiles: [],
        mentionAll: false,
        recipients: [],
        sms: null,
        language,
        enabled: false,
      },
      createdBy: 'u-admin',
      now: new Date(),
    });

  it("sends a sample message at once, even to a disabled subscription, and reports the receiver's answer; nothing is stored", async () => {
    const subscriptions = new InMemorySubscriptionRepository([
      subscription(GOOD, 'right-key'),
      subscription(BAD, 'wrong-key'),
    ]);
    const handler = new TestSubscriptionHandler(
      subscriptions,
      new ChannelSender(settings),
      directory,
      settings,
    );

    const good = await handler.execute(TestSubscriptionCommand.create({ id: GOOD, requestedBy: 'u-admin' }));
    expect(good).toMatchObject({ delivered: true, error: null });
    const sent = JSON.parse(bodies[bodies.length - 1]);
    expect(sent.markdown.content).toContain('吹哨报到测试消息');
    expect(sent.markdown.content).toContain('订阅“群 right-key”配置成功');

    const bad = await handler.execute(TestSubscriptionCommand.create({ id: BAD, requestedBy: 'u-admin' }));
    expect(bad).toMatchObject({ delivered: false, error: 'robot error 93000: invalid webhook url' });
    expect(subscriptions.writes.size).toBe(0);
  });

  it('answers 404 for an unknown subscription without sending anything', async () => {
    const before = bodies.length;
    const handler = new TestSubscriptionHandler(
      new InMemorySubscriptionRepository(),
      new ChannelSender(settings),
      directory,
      settings,
    );
    await expect(
      handler.execute(TestSubscriptionCommand.create({ id: GOOD, requestedBy: 'u-admin' })),
    ).rejects.toMatchObject({
      code: 'notFound',
      message: `subscription ${GOOD} does not exist`,
    });
    expect(bodies.length).toBe(before);
  });

  it('does not reach a robot on loopback when internal receivers are not allowed, and says why', async () => {
    const before = bodies.length;
    const strict = specSettings({ timeoutMs: 2000, allowHttp: true });
    const handler = new TestSubscriptionHandler(
      new InMemorySubscriptionRepository([subscription(GOOD, 'right-key')]),
      new ChannelSender(strict),
      directory,
      strict,
    );
    const res = await handler.execute(TestSubscriptionCommand.create({ id: GOOD, requestedBy: 'u-admin' }));
    expect(res).toMatchObject({
      delivered: false,
      error: expect.stringMatching(/^refused to connect to 127\.0\.0\.1: a loopback address/),
    });
    expect(bodies.length).toBe(before);
  });

  it("sends a test SMS to the caller's own mobile with the first template, or says there is none on record", async () => {
    await person('u-with-mobile', '+86 138-0013-8000');
    await person('u-without-mobile', null);
    const sms = Subscription.create({
      id: SMS,
      definition: {
        name: '企业短信',
        channel: 'sms',
        events: ['ticket.replied'],
        departmentIds: [],
        categories: [],
        gridIds: [],
        urgencies: [],
        url: `${url.replace('/cgi-bin/webhook/send', '')}/sms`,
        secret: 'access-key-secret',
        msgtype: null,
        mentionMobiles: [],
        mentionAll: false,
        recipients: [],
        sms: { accessKeyId: 'LTAItest', signName: '园区吹哨报到', templates: { replied: 'SMS_3003' } },
        language: 'zh',
        enabled: true,
      },
      createdBy: 'u-admin',
      now: new Date(),
    });
    const handler = new TestSubscriptionHandler(
      new InMemorySubscriptionRepository([sms]),
      new ChannelSender(settings),
      directory,
      settings,
    );
    const before = bodies.length;
    const none = await handler.execute(
      TestSubscriptionCommand.create({ id: SMS, requestedBy: 'u-without-mobile' }),
    );
    expect(none).toMatchObject({
      delivered: false,
      error: expect.stringMatching(/your user has none on record/),
    });
    expect(bodies.length).toBe(before);

    await handler.execute(TestSubscriptionCommand.create({ id: SMS, requestedBy: 'u-with-mobile' }));
    const form = Object.fromEntries(new URLSearchParams(bodies[bodies.length - 1]));
    expect(form).toMatchObject({
      Action: 'SendSms',
      AccessKeyId: 'LTAItest',
      PhoneNumbers: '13800138000',
      SignName: '园区吹哨报到',
      TemplateCode: 'SMS_3003',
      TemplateParam: JSON.stringify({ number: 'CS-TEST-000000', department: '测试' }),
    });
    expect(bodies[bodies.length - 1]).not.toContain('access-key-secret');
  });
});
