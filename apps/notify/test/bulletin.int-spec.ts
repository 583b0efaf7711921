import { AuthUser } from '@ticketing/auth';
import { BulletinPublishedPayload, createEnvelope, LedgerEvents } from '@ticketing/contracts';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, describeWithKafka, eventually, testKafkaBrokers } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  api,
  directory,
  publish,
  Received,
  startNotify,
  startReceiver,
  Topics,
  users,
  wecomAnswer,
} from './notify-test-kit';

const hrA: AuthUser = { id: 'u-hr-a', role: 'department', name: '人社局甲', departmentId: 'dep-hr' };
const hrB: AuthUser = { id: 'u-hr-b', role: 'department', name: '人社局乙', departmentId: 'dep-hr' };
const tax: AuthUser = { id: 'u-tax', role: 'department', name: '税务局', departmentId: 'dep-tax' };
const committee: AuthUser = { id: 'u-committee', role: 'committee', name: '党委值班' };
const ent: AuthUser = { id: 'u-ent', role: 'enterprise', name: '企业', enterpriseId: 'ent-1' };

const bulletin = (bulletinId: string, period = '2026-Q4'): BulletinPublishedPayload => ({
  bulletinId,
  periodKind: 'quarter',
  period,
  title: '2026年第四季度工作通报',
  summary:
    '2026年第四季度工作通报：2 个部门参与排名，第一名 人社局（综合得分 95.0）；超时诉求 1 件，涉及 税务局。',
  publishedAt: new Date().toISOString(),
  publishedBy: { id: committee.id, name: committee.name },
  formula: '综合得分 = …',
  ranking: [
    { rank: 1, departmentId: 'dep-hr', departmentName: '人社局', score: 0.95, received: 12 },
    { rank: 2, departmentId: 'dep-tax', departmentName: '税务局', score: 0.7, received: 9 },
  ],
  overdue: [
    {
      ticketId: randomUUID(),
      number: 'CS-2026-000007',
      title: '厂区门口道路破损',
      enterpriseName: '示例机械有限公司',
      departmentId: 'dep-tax',
      departmentName: '税务局',
      clock: 'resolve',
      dueAt: '2026-11-02T01:00:00.000Z',
      doneAt: null,
    },
  ],
  overdueTotal: 1,
  departmentIds: ['dep-hr', 'dep-tax'],
});

/**
 * As the ledger's relay writes it: on ticketing.ledger.v1, keyed by the record's id. `key` puts a
 * later event in the same partition as an earlier one, so that it is applied after it.
 */
const published = (bulletinId: string, period = '2026-Q4', key = bulletinId) =>
  createEnvelope({
    type: LedgerEvents.bulletinPublished,
    aggregateId: key,
    aggregateVersion: 1,
    actor: { id: committee.id, role: 'committee' },
    payload: bulletin(bulletinId, period),
  });

type Notification = { eventType: string; ticketId: string | null; title: string; body: string; link: string };

/** The same story on either transport: in one process (local) or through a Kafka broker. */
function bulletinDelivery(env: () => Record<string, string>) {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let chosen: Awaited<ReturnType<typeof startReceiver>>;
  let other: Awaited<ReturnType<typeof startReceiver>>;

  const subscribe = async (body: Record<string, unknown>) =>
    api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, body);
  const bulletinsOf = async (u: AuthUser) =>
    ((await api(running, 'GET', '/api/v1/notify/notifications', u)).body.items as Notification[]).filter(
      (n) => n.eventType === LedgerEvents.bulletinPublished,
    );
  const deliveriesOf = async (subscriptionId: string) =>
    (await api(running, 'GET', `/api/v1/notify/deliveries?subscriptionId=${subscriptionId}`, users.committee))
      .body.items as { status: string; eventType: string }[];
  const textOf = (r: Received) => (JSON.parse(r.body) as { text: { content: string } }).text.content;

  beforeAll(async () => {
    db = await createTestDatabase('notify_bulletin');
    running = await startNotify(db.url, { PUBLIC_BASE_URL: 'https://cs.zone.example', ...env() });
    chosen = await startReceiver(wecomAnswer('bulletin-key'));
    other = await startReceiver(wecomAnswer('tickets-key'));
    await publish(running, Topics.Directory, [
      directory.department('dep-hr', '人社局'),
      directory.department('dep-tax', '税务局'),
      directory.enterprise('ent-1', '示例机械有限公司'),
      ...[hrA, hrB, tax, committee, ent].map((u) =>
        directory.user({
          id: u.id,
          role: u.role,
          departmentId: u.departmentId,
          enterpriseId: u.enterpriseId,
        }),
      ),
      directory.user({ id: 'u-hr-gone', role: 'department', departmentId: 'dep-hr', active: false }),
    ]);
    // On Kafka a publish returns when the broker has it, not when notify applied it; no order across topics.
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    try {
      const copied = async () =>
        (await pg.query<{ n: number }>('SELECT count(*)::int AS n FROM notify.users')).rows[0].n === 6 ||
        null;
      expect(await eventually(copied, 60_000, 100)).toBe(true);
    } finally {
      await pg.end();
    }
  });
  afterAll(async () => {
    await running?.close();
    await chosen?.close();
    await other?.close();
    await db?.drop();
  });

  it('an SMS subscription may not choose it: SMS go only to enterprises about their tickets', async () => {
    const res = await subscribe({
      name: '短信',
      channel: 'sms',
      events: ['assigned', 'bulletin_published'],
      url: 'https://dysmsapi.aliyuncs.com/',
      secret: 'access-key-secret',
      smsAccessKeyId: 'LTAItest',
      smsSignName: '园区吹哨报到',
      smsTemplates: { assigned: 'SMS_1' },
    });
    expect(res.status).toBe(400);
    expect(res.body.errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          field: 'events',
          messages: [expect.stringContaining(`not ${LedgerEvents.bulletinPublished}`)],
        }),
      ]),
    );
  });

  it('tells each department user once in the app and sends one text to the robot that chose it; a redelivered event adds nothing', async () => {
    const robot = await subscribe({
      name: '各部门工作群',
      channel: 'wecom',
      events: ['bulletin_published'],
      url: `${chosen.url}/cgi-bin/webhook/send?key=bulletin-key`,
      msgtype: 'text',
    });
    expect(robot.status).toBe(201);
    expect(robot.body.events).toEqual([LedgerEvents.bulletinPublished]);
    const tickets = await subscribe({
      name: '人社局诉求群',
      channel: 'wecom',
      events: ['assigned', 'breached'],
      url: `${other.url}/cgi-bin/webhook/send?key=tickets-key`,
      msgtype: 'text',
    });
    expect(tickets.status).toBe(201);

    const bulletinId = randomUUID();
    const event = published(bulletinId);
    await publish(running, Topics.Ledger, [event]);

    expect(await eventually(async () => (chosen.received.length ? true : null), 60_000, 100)).toBe(true);
    const link = `https://cs.zone.example/bulletins?id=${bulletinId}`;
    const text = textOf(chosen.received[0]);
    expect(text).toContain('【吹哨报到】工作通报：2026年第四季度');
    expect(text).toContain('统计期：2026年第四季度');
    expect(text).toContain('第一名：人社局（综合得分 95.0）');
    expect(text).toContain('末位（第 2 名）：税务局（综合得分 70.0）');
    expect(text).toContain('点名超时诉求：1 件');
    expect(text).toContain(`查看通报：${link}`);

    for (const u of [hrA, hrB, tax]) {
      const mine = await bulletinsOf(u);
      expect(mine).toHaveLength(1);
      expect(mine[0]).toMatchObject({ title: '工作通报：2026年第四季度', ticketId: null, link });
      expect(mine[0].body).toContain('点名超时诉求：1 件');
    }
    // The committee published it; the enterprise is not ranked.
    expect(await bulletinsOf(committee)).toEqual([]);
    expect(await bulletinsOf(ent)).toEqual([]);

    // The same event again (Kafka's at-least-once, a relay that resent it), then the next quarter's
    // bulletin on the same key: once that one is in, the redelivered one was applied before it.
    await publish(running, Topics.Ledger, [event]);
    const nextId = randomUUID();
    await publish(running, Topics.Ledger, [published(nextId, '2027-Q1', bulletinId)]);
    expect(await eventually(async () => (chosen.received.length >= 2 ? true : null), 60_000, 100)).toBe(true);
    const next = `https://cs.zone.example/bulletins?id=${nextId}`;
    expect(chosen.received.map((r) => textOf(r).split('\n').pop())).toEqual([
      `查看通报：${link}`,
      `查看通报：${next}`,
    ]);
    const sent = await deliveriesOf(robot.body.id);
    expect(sent.map((d) => d.eventType)).toEqual([
      LedgerEvents.bulletinPublished,
      LedgerEvents.bulletinPublished,
    ]);
    for (const u of [hrA, hrB, tax])
      expect((await bulletinsOf(u)).map((n) => n.link).sort()).toEqual([link, next].sort());

    // The robot that chose ticket events only got nothing.
    expect(other.received).toEqual([]);
    expect(await deliveriesOf(tickets.body.id)).toEqual([]);
  });
}

describe('notify delivers the ledger’s bulletins (in one process)', () => {
  bulletinDelivery(() => ({}));
});

describeWithKafka('notify delivers the ledger’s bulletins (over Kafka)', () => {
  bulletinDelivery(() => ({
    KAFKA_BROKERS: testKafkaBrokers()!.join(','),
    KAFKA_TOPIC_PREFIX: `bulletin${Date.now().toString(36)}.`,
  }));
});
