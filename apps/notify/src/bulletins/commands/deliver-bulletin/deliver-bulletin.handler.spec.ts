import { BulletinPublishedPayload, createEnvelope, LedgerEvents } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDeliveryRepository } from '../../../deliveries/infrastructure/delivery.in-memory-repository';
import { InMemoryDirectoryRepository } from '../../../directory/infrastructure/directory.in-memory-repository';
import { InMemoryInAppNotificationRepository } from '../../../inapp/infrastructure/in-app-notification.in-memory-repository';
import { toMarkdown, toText } from '../../../messages/domain/message';
import { specSettings } from '../../../notify-spec.fixture';
import { SubscriptionDefinition } from '../../../subscriptions/domain/subscription-definition';
import { Subscription } from '../../../subscriptions/domain/subscription.aggregate';
import { InMemorySubscriptionRepository } from '../../../subscriptions/infrastructure/subscription.in-memory-repository';
import { BulletinPublishedEvent } from '../../domain/bulletin-message';
import { DeliverBulletinCommand } from './deliver-bulletin.command';
import { DeliverBulletinHandler } from './deliver-bulletin.handler';

const settings = specSettings();
const TYPE = LedgerEvents.bulletinPublished;
const BULLETIN = '0193a000-0000-7000-8000-0000000b0001';
const now = '2026-12-04T02:00:00.000Z';

const payload = (over: Partial<BulletinPublishedPayload> = {}): BulletinPublishedPayload => ({
  bulletinId: BULLETIN,
  periodKind: 'quarter',
  period: '2026-Q4',
  title: '2026年第四季度工作通报',
  summary: '2026年第四季度工作通报：3 个部门参与排名……',
  publishedAt: now,
  publishedBy: { id: 'u-committee', name: '党委值班' },
  formula: '…',
  ranking: [
    { rank: 2, departmentId: 'dep-tax', departmentName: '税务局', score: 0.8125, received: 8 },
    { rank: 1, departmentId: 'dep-hr', departmentName: '人社局', score: 0.95, received: 12 },
    { rank: 3, departmentId: 'dep-env', departmentName: '生态环境局', score: null, received: 0 },
  ],
  overdue: [
    {
      ticketId: 't-1',
      number: 'CS-2026-000007',
      title: '厂区门口道路破损',
      enterpriseName: '示例机械有限公司',
      departmentId: 'dep-tax',
      departmentName: '税务局',
      clock: 'resolve',
      dueAt: '2026-11-02T01:00:00.000Z',
      doneAt: null,
    },
    {
      ticketId: 't-2',
      number: 'CS-2026-000009',
      title: '用工备案',
      enterpriseName: '示例电子有限公司',
      departmentId: 'dep-tax',
      departmentName: '税务局',
      clock: 'reply',
      dueAt: '2026-11-03T01:00:00.000Z',
      doneAt: '2026-11-05T01:00:00.000Z',
    },
  ],
  overdueTotal: 2,
  departmentIds: ['dep-hr', 'dep-tax', 'dep-env'],
  ...over,
});

const published = (p: BulletinPublishedPayload = payload()): BulletinPublishedEvent => ({
  ...createEnvelope({
    type: LedgerEvents.bulletinPublished,
    aggregateId: p.bulletinId,
    aggregateVersion: 1,
    actor: { id: 'u-committee', role: 'committee' },
    payload: p,
  }),
  type: LedgerEvents.bulletinPublished,
});

const robot = (events: string[], over: Partial<SubscriptionDefinition> = {}): SubscriptionDefinition => ({
  name: 'robot',
  channel: 'wecom',
  events,
  departmentIds: [],
  categories: [],
  gridIds: [],
  urgencies: [],
  url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
  secret: null,
  msgtype: 'markdown',
  mentionMobiles: [],
  mentionAll: false,
  recipients: [],
  sms: null,
  language: 'zh',
  enabled: true,
  ...over,
});

describe('DeliverBulletinHandler', () => {
  const setup = async () => {
    const uow = new InlineUnitOfWork();
    const directory = new InMemoryDirectoryRepository();
    const user = (id: string, role: string, departmentId: string | null, active = true) =>
      directory.saveUser({
        id,
        role,
        displayName: id,
        enterpriseId: role === 'enterprise' ? 'ent-1' : null,
        departmentId,
        gridIds: [],
        mobile: null,
        email: null,
        active,
      });
    await user('u-hr', 'department', 'dep-hr');
    await user('u-hr-2', 'department', 'dep-hr');
    await user('u-hr-gone', 'department', 'dep-hr', false);
    await user('u-tax', 'department', 'dep-tax');
    await user('u-police', 'department', 'dep-police');
    await user('u-ent', 'enterprise', null);
    await user('u-committee', 'committee', null);
    await user('u-admin', 'admin', null);
    const subscriptions = new InMemorySubscriptionRepository(
      (
        [
          ['s-all', robot([TYPE])],
          ['s-en', robot([TYPE, 'ticket.assigned'], { channel: 'dingtalk', secret: 'SEC1', language: 'en' })],
          ['s-tax', robot([TYPE], { departmentIds: ['dep-tax'], categories: ['labour'] })],
          ['s-police', robot([TYPE], { departmentIds: ['dep-police'] })],
          ['s-tickets', robot(['ticket.assigned', 'sla.breached'])],
          ['s-off', robot([TYPE], { enabled: false })],
          [
            's-mail',
            robot([TYPE], { channel: 'email', url: null, msgtype: null, recipients: ['a@zone.example'] }),
          ],
        ] as [string, SubscriptionDefinition][]
      ).map(([id, definition]) =>
        Subscription.create({ id, definition, createdBy: 'u-admin', now: new Date(now) }),
      ),
    );
    const deliveries = new InMemoryDeliveryRepository();
    const notifications = new InMemoryInAppNotificationRepository();
    const handler = new DeliverBulletinHandler(
      uow,
      directory,
      subscriptions,
      deliveries,
      notifications,
      settings,
    );
    const apply = (event: BulletinPublishedEvent) =>
      handler.execute(DeliverBulletinCommand.create({ event }));
    return { uow, deliveries, notifications, apply };
  };

  it('queues one message per subscription that chose the bulletin, with the period, the top and bottom, the overdue count and the link', async () => {
    const { uow, deliveries, apply } = await setup();
    const e = published();
    await apply(e);
    expect(uow.transactions).toBe(1);

    const queued = [...deliveries.rows.values()].sort((a, b) =>
      a.subscriptionId.localeCompare(b.subscriptionId),
    );
    // Not the robot of tickets only, not the disabled one, not the department the bulletin does not go to;
    // the category filter of a ticket does not hold a bulletin back.
    expect(queued.map((d) => [d.subscriptionId, d.eventId, d.eventType, d.ticketId, d.status])).toEqual([
      ['s-all', e.id, TYPE, null, 'pending'],
      ['s-en', e.id, TYPE, null, 'pending'],
      ['s-mail', e.id, TYPE, null, 'pending'],
      ['s-tax', e.id, TYPE, null, 'pending'],
    ]);
    expect(deliveries.wakeUps).toBe(4);

    const zh = queued.find((d) => d.subscriptionId === 's-all')!.message;
    const text = toText(zh);
    expect(zh.title).toBe('工作通报：2026年第四季度');
    expect(text).toContain('统计期：2026年第四季度');
    expect(text).toContain('第一名：人社局（综合得分 95.0）');
    expect(text).toContain('末位（第 3 名）：生态环境局（综合得分 —）');
    expect(text).toContain('点名超时诉求：2 件');
    expect(text).toContain(`查看通报：https://cs.zone.example/bulletins?id=${BULLETIN}`);
    expect(toMarkdown(zh)).toContain(`[查看通报](https://cs.zone.example/bulletins?id=${BULLETIN})`);
    expect(zh.subject).toBe('[吹哨报到] 2026年第四季度工作通报');

    const en = toText(queued.find((d) => d.subscriptionId === 's-en')!.message);
    expect(en).toContain('Bulletin: Q4 2026');
    expect(en).toContain('First：人社局 (score 95.0)');
    expect(en).toContain('Overdue tickets named：2');
  });

  it('tells every active user of the departments it goes to in the app, and nobody else', async () => {
    const { notifications, apply } = await setup();
    const e = published();
    await apply(e);
    const rows = [...notifications.rows.values()].sort((a, b) => a.userId.localeCompare(b.userId));
    // Not the committee who published it, not the admin, not the enterprise, not a department it
    // does not go to, not a user who left.
    expect(rows.map((n) => [n.userId, n.eventType, n.eventId, n.ticketId])).toEqual([
      ['u-hr', TYPE, e.id, null],
      ['u-hr-2', TYPE, e.id, null],
      ['u-tax', TYPE, e.id, null],
    ]);
    expect(rows[0]).toMatchObject({
      title: '工作通报：2026年第四季度',
      link: `https://cs.zone.example/bulletins?id=${BULLETIN}`,
      readAt: null,
    });
    expect(rows[0].body).toContain('第一名：人社局（综合得分 95.0）');
    expect(rows[0].body).toContain('点名超时诉求：2 件');
    expect(notifications.hints).toEqual([['u-hr', 'u-hr-2', 'u-tax']]);
  });

  it('makes nothing twice of a bulletin applied twice', async () => {
    const { deliveries, notifications, apply } = await setup();
    const e = published();
    await apply(e);
    await apply(e);
    expect(deliveries.rows.size).toBe(4);
    expect(notifications.rows.size).toBe(3);
    expect(notifications.hints).toHaveLength(1);
  });

  it('says when the list names fewer overdue tickets than the period had, and when it names none', async () => {
    const { deliveries, apply } = await setup();
    await apply(published(payload({ overdueTotal: 640 })));
    const [m] = [...deliveries.rows.values()].filter((d) => d.subscriptionId === 's-all');
    expect(toText(m.message)).toContain('点名超时诉求：2 件（本期共 640 件）');

    const none = published(
      payload({ bulletinId: 'b-2', period: '2026-11', periodKind: 'month', overdue: [], overdueTotal: 0 }),
    );
    await apply(none);
    const [n] = [...deliveries.rows.values()].filter(
      (d) => d.subscriptionId === 's-all' && d.eventId === none.id,
    );
    expect(n.message.title).toBe('工作通报：2026年11月');
    expect(toText(n.message)).toContain('点名超时诉求：无');
  });
});
