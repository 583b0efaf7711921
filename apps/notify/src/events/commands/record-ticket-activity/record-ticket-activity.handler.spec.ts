import { Clock, createEnvelope, EventOf, EventPayloads, EventType } from '@ticketing/contracts';
import { Correlation } from '@ticketing/observability';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDeliveryRepository } from '../../../deliveries/infrastructure/delivery.in-memory-repository';
import { InMemoryDirectoryRepository } from '../../../directory/infrastructure/directory.in-memory-repository';
import { InMemoryInAppNotificationRepository } from '../../../inapp/infrastructure/in-app-notification.in-memory-repository';
import { SmsPreference } from '../../../sms-preferences/domain/sms-preference.aggregate';
import { InMemorySmsPreferenceRepository } from '../../../sms-preferences/infrastructure/sms-preference.in-memory-repository';
import { NotifySettings } from '../../../notify.env';
import {
  buildSubscription,
  SubscriptionDefinition,
} from '../../../subscriptions/domain/subscription-definition';
import { Subscription } from '../../../subscriptions/domain/subscription.aggregate';
import { InMemorySubscriptionRepository } from '../../../subscriptions/infrastructure/subscription.in-memory-repository';
import { TICKET_NOTIFY_TYPES } from '../../domain/notify-events';
import { TicketActivityEvent } from '../../domain/ticket-activity';
import { InMemoryTicketFactsRepository } from '../../infrastructure/ticket-facts.in-memory-repository';
import { RecordTicketActivityCommand } from './record-ticket-activity.command';
import { RecordTicketActivityHandler } from './record-ticket-activity.handler';

const settings: NotifySettings = {
  smtpUrl: null,
  smtpFrom: 'noreply@zone.example',
  publicBaseUrl: 'https://cs.zone.example',
  maxAttempts: 6,
  retryBaseMs: 5000,
  retryCapMs: 900_000,
  timeoutMs: 5000,
  concurrency: 16,
  perSubscription: 2,
  allowHttp: false,
  allowPrivateReceivers: false,
};
const TICKET = '0193a000-0000-7000-8000-00000000t001';
const now = '2026-03-02T01:00:00.000Z';

const event = <T extends EventType>(type: T, payload: EventPayloads[T]): EventOf<T> => ({
  ...createEnvelope({
    type,
    aggregateId: TICKET,
    aggregateVersion: 1,
    actor: { id: 'system', role: 'system' },
    payload,
  }),
  type,
});
const ticket = {
  ticketId: TICKET,
  number: 'CS-2026-000042',
  status: 'submitted' as const,
  enterpriseId: 'ent-1',
  category: 'labour',
  urgency: 'normal' as const,
  gridId: 'g-1',
  leadDepartmentId: null,
  coHandlerDepartmentIds: [],
};
const submitted = () =>
  event('ticket.submitted', {
    ...ticket,
    enterpriseName: '示例机械有限公司',
    submittedBy: { id: 'u-ent', role: 'enterprise' },
    title: '企业用电增容',
    description: '…',
    location: null,
    contact: { name: '王经理', phone: '13800000000' },
    attachments: [],
    submittedAt: now,
  });
const assigned = () =>
  event('ticket.assigned', {
    ...ticket,
    status: 'assigned',
    leadDepartmentId: 'dep-hr',
    via: 'rule',
    ruleId: null,
    previousLeadDepartmentId: null,
    firstHandlerDepartmentId: 'dep-hr',
  });

const definition = (events: string[], departmentIds: string[]): SubscriptionDefinition => ({
  name: departmentIds.join(','),
  channel: 'wecom',
  events,
  departmentIds,
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
});

const smsDefinition: SubscriptionDefinition = {
  ...definition(['ticket.assigned', 'ticket.information-requested', 'ticket.replied'], []),
  channel: 'sms',
  url: 'https://dysmsapi.aliyuncs.com/',
  secret: 'access-key-secret',
  msgtype: null,
  sms: {
    accessKeyId: 'LTAItest',
    signName: '园区吹哨报到',
    templates: { assigned: 'SMS_1', information_requested: 'SMS_2', replied: 'SMS_3' },
  },
};
const NOTE = '内部备注：该企业上月欠缴社保，暂缓协调，勿告知企业';

describe('RecordTicketActivityHandler', () => {
  const setup = async (extra: [string, SubscriptionDefinition][] = []) => {
    const uow = new InlineUnitOfWork();
    const tickets = new InMemoryTicketFactsRepository();
    const directory = new InMemoryDirectoryRepository();
    await directory.saveDepartment({ id: 'dep-hr', name: '人社局', nameEn: null });
    await directory.saveDepartment({ id: 'dep-tax', name: '税务局', nameEn: null });
    await directory.saveEnterprise({ id: 'ent-1', name: '示例机械有限公司' });
    const user = (id: string, role: string, scope: { departmentId?: string; enterpriseId?: string }) =>
      directory.saveUser({
        id,
        role,
        displayName: id,
        enterpriseId: scope.enterpriseId ?? null,
        departmentId: scope.departmentId ?? null,
        gridIds: [],
        mobile: null,
        email: null,
        active: id !== 'u-hr-gone',
      });
    await user('u-hr', 'department', { departmentId: 'dep-hr' });
    await user('u-hr-gone', 'department', { departmentId: 'dep-hr' });
    await user('u-tax', 'department', { departmentId: 'dep-tax' });
    await user('u-ent', 'enterprise', { enterpriseId: 'ent-1' });
    await user('u-committee', 'committee', {});
    const disabled = { ...definition(['ticket.assigned'], []), enabled: false };
    const subscriptions = new InMemorySubscriptionRepository(
      [
        ['s-hr', definition(['ticket.assigned', 'dispatch.transfer-decided'], ['dep-hr'])],
        ['s-tax', definition(['ticket.assigned'], ['dep-tax'])],
        ['s-off', disabled],
        ...extra,
      ].map(([id, d]) =>
        Subscription.create({
          id: id as string,
          definition: d as SubscriptionDefinition,
          createdBy: 'u-admin',
          now: new Date(now),
        }),
      ),
    );
    const deliveries = new InMemoryDeliveryRepository();
    const notifications = new InMemoryInAppNotificationRepository();
    const smsPreferences = new InMemorySmsPreferenceRepository();
    const handler = new RecordTicketActivityHandler(
      uow,
      tickets,
      directory,
      subscriptions,
      deliveries,
      notifications,
      smsPreferences,
      settings,
    );
    const apply = (e: TicketActivityEvent) =>
      handler.execute(RecordTicketActivityCommand.create({ events: [e] }));
    const applyAll = (events: TicketActivityEvent[]) =>
      handler.execute(RecordTicketActivityCommand.create({ events }));
    const notified = () => [...notifications.rows.values()].map((n) => [n.userId, n.eventType]);
    return {
      uow,
      tickets,
      deliveries,
      notifications,
      subscriptions,
      smsPreferences,
      apply,
      applyAll,
      notified,
    };
  };

  it('keeps the ticket facts and queues one delivery per matching subscription and one notification per recipient', async () => {
    const { uow, tickets, deliveries, notifications, apply, notified } = await setup();
    await apply(submitted());
    const e = assigned();
    await apply(e);
    expect(uow.transactions).toBe(2);
    expect(tickets.rows.get(TICKET)).toMatchObject({
      number: 'CS-2026-000042',
      title: '企业用电增容',
      leadDepartmentId: 'dep-hr',
      status: 'assigned',
    });

    const queued = [...deliveries.rows.values()];
    expect(queued.map((d) => [d.subscriptionId, d.eventId, d.status])).toEqual([['s-hr', e.id, 'pending']]);
    expect(queued[0].message).toMatchObject({ title: '新诉求待签收', ticketNumber: 'CS-2026-000042' });
    expect(queued[0].message.link).toBe(`https://cs.zone.example/tickets/${TICKET}`);
    expect(deliveries.wakeUps).toBe(1);

    // The department's active users; not the one who left, not another department, not the enterprise.
    expect(notified()).toEqual([['u-hr', 'ticket.assigned']]);
    const [n] = notifications.rows.values();
    expect(n.body).toContain('CS-2026-000042');
    expect(n.body).toContain('人社局');
    expect(notifications.hints).toEqual([['u-hr']]);
  });

  it('makes nothing twice of an event applied twice', async () => {
    const { deliveries, notifications, apply } = await setup();
    const e = assigned();
    await apply(e);
    await apply(e);
    expect(deliveries.rows.size).toBe(1);
    expect(notifications.rows.size).toBe(1);
    expect(deliveries.wakeUps).toBe(1);
  });

  it('tells no one about a ticket they may no longer see: an approved transfer goes to the new lead only', async () => {
    const { deliveries, apply, notified } = await setup();
    await apply(assigned());
    await apply(
      event('dispatch.transfer-decided', {
        ticketId: TICKET,
        approved: true,
        fromDepartmentId: 'dep-hr',
        leadDepartmentId: 'dep-tax',
        coHandlerDepartmentIds: [],
        note: '实为税务局职责',
      }),
    );
    expect(notified()).toEqual([
      ['u-hr', 'ticket.assigned'],
      ['u-tax', 'dispatch.transfer-decided'],
    ]);
    // A robot subscription is the committee's own channel: its filter, not the visibility rule, decides.
    expect([...deliveries.rows.values()].map((d) => [d.subscriptionId, d.eventType])).toEqual([
      ['s-hr', 'ticket.assigned'],
      ['s-hr', 'dispatch.transfer-decided'],
    ]);
  });

  it('only updates the facts for an event nobody is told about', async () => {
    const { tickets, deliveries, notifications, apply } = await setup();
    await apply(
      event('sla.deadline-set', {
        ticketId: TICKET,
        timerId: 'timer-1',
        kind: 'respond',
        departmentId: 'dep-hr',
        dueAt: '2026-03-02T09:30:00.000Z',
        policyId: 'p-1',
        policyVersion: 1,
        reason: 'opened',
      }),
    );
    expect(tickets.rows.get(TICKET)?.respondDueAt).toBe('2026-03-02T09:30:00.000Z');
    expect(deliveries.rows.size).toBe(0);
    expect(notifications.rows.size).toBe(0);
  });

  it('refuses a command without events, or with an event that names no ticket, when it is built', () => {
    const e = assigned();
    expect(() =>
      RecordTicketActivityCommand.create({ events: [{ ...e, payload: { ...e.payload, ticketId: '' } }] }),
    ).toThrow(/events: each event must be a ticket, dispatch or sla event naming its ticketId/);
    expect(() => RecordTicketActivityCommand.create({ events: [] })).toThrow(/events/);
  });

  const conversation = {
    informationRequested: () =>
      event('ticket.information-requested', {
        ...ticket,
        status: 'in_progress',
        leadDepartmentId: 'dep-hr',
        requestId: 'req-1',
        departmentId: 'dep-hr',
        question: '请提供近三个月的用工合同扫描件',
      }),
    replied: () =>
      event('ticket.replied', {
        ...ticket,
        status: 'in_progress',
        leadDepartmentId: 'dep-hr',
        departmentId: 'dep-hr',
        message: '已联系人社局招聘会，下周三现场对接',
      }),
    note: () =>
      event('ticket.note-added', {
        ...ticket,
        status: 'in_progress',
        leadDepartmentId: 'dep-hr',
        noteId: 'note-1',
        departmentId: 'dep-hr',
        text: NOTE,
      }),
  };

  it("queues an SMS to the contact's mobile for the assignment, a department's question and the answer, with only the number and the department", async () => {
    const { deliveries, apply } = await setup([['s-sms', smsDefinition]]);
    await apply(submitted());
    await apply(assigned());
    await apply(conversation.informationRequested());
    await apply(conversation.replied());
    const sms = [...deliveries.rows.values()].filter((d) => d.channel === 'sms');
    expect(sms.map((d) => d.message.sms)).toEqual([
      { phone: '13800000000', kind: 'assigned', params: { number: 'CS-2026-000042', department: '人社局' } },
      {
        phone: '13800000000',
        kind: 'information_requested',
        params: { number: 'CS-2026-000042', department: '人社局' },
      },
      { phone: '13800000000', kind: 'replied', params: { number: 'CS-2026-000042', department: '人社局' } },
    ]);
  });

  it('sends no SMS to an enterprise that turned them off, nor without a mobile number on the ticket', async () => {
    const { deliveries, smsPreferences, apply } = await setup([['s-sms', smsDefinition]]);
    const off = SmsPreference.initial('ent-1');
    off.set(false, 'u-ent', new Date(now));
    await smsPreferences.save(off);
    await apply(submitted());
    await apply(assigned());
    expect([...deliveries.rows.values()].filter((d) => d.channel === 'sms')).toEqual([]);
    // The robot of the department is told as before.
    expect([...deliveries.rows.values()].map((d) => d.subscriptionId)).toEqual(['s-hr']);

    const other = await setup([['s-sms', smsDefinition]]);
    await other.apply(
      event('ticket.submitted', {
        ...submitted().payload,
        contact: { name: '王经理', phone: '0851-1234567' },
      }),
    );
    await other.apply(assigned());
    expect([...other.deliveries.rows.values()].filter((d) => d.channel === 'sms')).toEqual([]);
  });

  it("tells the enterprise in the app of a department's question, with the question", async () => {
    const { notifications, apply, notified } = await setup();
    await apply(submitted());
    await apply(assigned());
    await apply(conversation.informationRequested());
    expect(notified()).toContainEqual(['u-ent', 'ticket.information-requested']);
    const n = [...notifications.rows.values()].find((x) => x.userId === 'u-ent')!;
    expect(n.body).toContain('请提供近三个月的用工合同扫描件');
  });

  it('never tells anyone of an internal note, by any channel, and no message holds its text', async () => {
    const everything = { ...definition(['ticket.assigned', 'ticket.replied'], []), name: 'all' };
    const { deliveries, notifications, tickets, apply } = await setup([
      ['s-sms', smsDefinition],
      ['s-all', everything],
    ]);
    await apply(submitted());
    await apply(assigned());
    const before = [deliveries.rows.size, notifications.rows.size];
    await apply(conversation.note());
    expect([deliveries.rows.size, notifications.rows.size]).toEqual(before);
    await apply(conversation.replied());
    const stored = JSON.stringify([
      [...deliveries.rows.values()],
      [...notifications.rows.values()],
      [...tickets.rows.values()],
    ]);
    expect(stored).not.toContain('欠缴社保');
    // Nor can a subscription ask for notes: it is not an event a subscription may name.
    for (const name of ['ticket.note-added', 'note_added'])
      expect(
        buildSubscription(
          {
            name: 'notes',
            channel: 'webhook',
            events: [name],
            url: 'https://hooks.example.org/x',
            secret: 'sixteen-chars-secret',
          },
          { allowHttp: false, emailAvailable: false },
        ),
      ).toMatchObject({ ok: false, problems: [{ field: 'events' }] });
  });
  describe('a delivered batch: several tickets, several events each, interleaved', () => {
    const T2 = '0193a000-0000-7000-8000-00000000t002';
    const T3 = '0193a000-0000-7000-8000-00000000t003';
    /** The same event about another ticket, its payload changed by `extra`. */
    const about = <E extends TicketActivityEvent>(
      ticketId: string,
      e: E,
      extra: Record<string, unknown> = {},
    ): E => ({ ...e, aggregateId: ticketId, payload: { ...e.payload, ticketId, ...extra } }) as E;
    const deadline = (kind: 'respond' | 'resolve', dueAt: string) =>
      event('sla.deadline-set', {
        ticketId: TICKET,
        timerId: `timer-${kind}`,
        kind,
        departmentId: 'dep-hr',
        dueAt,
        policyId: 'p-1',
        policyVersion: 1,
        reason: 'opened',
      });
    const batch = (): TicketActivityEvent[] => [
      about(TICKET, submitted()),
      about(T2, submitted(), { title: '厂房租赁补贴', contact: { name: '李会计', phone: '0851-1234567' } }),
      // Before the ticket's submission: no order across topics.
      about(T3, deadline('respond', '2026-03-02T09:30:00.000Z')),
      about(TICKET, assigned()),
      about(T2, assigned(), { leadDepartmentId: 'dep-tax', firstHandlerDepartmentId: 'dep-tax' }),
      about(T3, submitted(), { number: 'CS-2026-000043', title: '招工难' }),
      about(TICKET, deadline('resolve', '2026-03-09T09:30:00.000Z')),
      about(T3, assigned(), { number: 'CS-2026-000043' }),
      about(TICKET, conversation.informationRequested()),
      about(
        T2,
        event('dispatch.transfer-decided', {
          ticketId: T2,
          approved: true,
          fromDepartmentId: 'dep-tax',
          leadDepartmentId: 'dep-hr',
          coHandlerDepartmentIds: ['dep-tax'],
          note: '实为人社局职责',
        }),
      ),
      about(TICKET, conversation.note()),
      about(T3, conversation.replied(), { number: 'CS-2026-000043' }),
      about(TICKET, conversation.replied()),
    ];
    const everything = { ...definition(['ticket.assigned', 'ticket.replied'], []), name: 'all' };
    const extra: [string, SubscriptionDefinition][] = [
      ['s-sms', smsDefinition],
      ['s-all', everything],
    ];
    const at = new Date(now);
    /** What was stored, less the ids each run draws afresh. */
    const stored = (run: Awaited<ReturnType<typeof setup>>) => ({
      facts: Object.fromEntries(run.tickets.rows),
      deliveries: [...run.deliveries.rows.values()].map(({ id: _id, ...rest }) => rest),
      notifications: [...run.notifications.rows.values()].map(({ id: _id, ...rest }) => rest),
      wakeUps: run.deliveries.wakeUps,
      told: [...new Set(run.notifications.hints.flat())].sort(),
    });

    it('stores exactly what the events make one by one: the same facts, deliveries and notifications, in the same order', async () => {
      const events = batch();
      const oneByOne = await setup(extra);
      for (const e of events) await Clock.at(at, () => oneByOne.apply(e));
      const together = await setup(extra);
      await Clock.at(at, () => together.applyAll(events));

      expect(together.uow.transactions).toBe(1);
      expect(stored(together)).toEqual(stored(oneByOne));

      // Each event saw its ticket as the earlier events of the batch left it.
      const { facts, deliveries, notifications } = stored(together);
      expect(facts[TICKET]).toMatchObject({
        title: '企业用电增容',
        leadDepartmentId: 'dep-hr',
        status: 'in_progress',
        resolveDueAt: '2026-03-09T09:30:00.000Z',
        contactPhone: '13800000000',
      });
      expect(facts[T2]).toMatchObject({
        title: '厂房租赁补贴',
        leadDepartmentId: 'dep-hr',
        coHandlerDepartmentIds: ['dep-tax'],
      });
      expect(facts[T3]).toMatchObject({
        number: 'CS-2026-000043',
        title: '招工难',
        respondDueAt: '2026-03-02T09:30:00.000Z',
      });
      expect(deliveries.map((d) => [d.ticketId, d.subscriptionId, d.eventType])).toEqual([
        [TICKET, 's-all', 'ticket.assigned'],
        [TICKET, 's-hr', 'ticket.assigned'],
        [TICKET, 's-sms', 'ticket.assigned'],
        [T2, 's-all', 'ticket.assigned'],
        [T2, 's-tax', 'ticket.assigned'], // no SMS: the contact's phone is no mobile number
        [T3, 's-all', 'ticket.assigned'],
        [T3, 's-hr', 'ticket.assigned'],
        [T3, 's-sms', 'ticket.assigned'],
        [TICKET, 's-sms', 'ticket.information-requested'],
        [T2, 's-hr', 'dispatch.transfer-decided'],
        [T3, 's-all', 'ticket.replied'],
        [T3, 's-sms', 'ticket.replied'],
        [TICKET, 's-all', 'ticket.replied'],
        [TICKET, 's-sms', 'ticket.replied'],
      ]);
      const tax = notifications.find((n) => n.ticketId === T2 && n.eventType === 'ticket.assigned');
      expect(tax).toMatchObject({ userId: 'u-tax' });
      expect(tax?.body).toContain('厂房租赁补贴');
      expect(JSON.stringify([deliveries, notifications, facts])).not.toContain('欠缴社保');
    });

    it('reads the facts of every ticket once and writes them once, with one save of the deliveries and one of the notifications', async () => {
      const run = await setup(extra);
      const lockAll = jest.spyOn(run.tickets, 'lockAll');
      const saveAll = jest.spyOn(run.tickets, 'saveAll');
      const deliveriesSaved = jest.spyOn(run.deliveries, 'save');
      const notificationsSaved = jest.spyOn(run.notifications, 'save');
      await run.applyAll(batch());

      expect(lockAll).toHaveBeenCalledTimes(1);
      expect(new Set(lockAll.mock.calls[0][0])).toEqual(new Set([TICKET, T2, T3]));
      expect(saveAll).toHaveBeenCalledTimes(1);
      expect(saveAll.mock.calls[0][0].map((f) => f.ticketId).sort()).toEqual([TICKET, T2, T3].sort());
      expect(deliveriesSaved).toHaveBeenCalledTimes(1);
      expect(deliveriesSaved.mock.calls[0][0]).toHaveLength(14);
      expect(notificationsSaved).toHaveBeenCalledTimes(1);
      // The open streams are told once, each user once.
      expect(run.notifications.hints).toHaveLength(1);
      expect(run.notifications.hints[0]).toEqual([...new Set(run.notifications.hints[0])]);
    });

    it('works out each event under its own correlation id, whatever the batch runs under', async () => {
      const run = await setup(extra);
      const seen: [string | undefined, string | undefined][] = [];
      const forEvent = run.subscriptions.forEvent.bind(run.subscriptions);
      jest.spyOn(run.subscriptions, 'forEvent').mockImplementation((type) => {
        seen.push([Correlation.id(), Correlation.causationId()]);
        return forEvent(type);
      });
      const events = batch().map((e, i) => ({ ...e, correlationId: `corr-${i}` }));
      await Correlation.run('corr-of-the-first', () => run.applyAll(events), events[0].id);
      expect(seen).toEqual(
        events.filter((e) => TICKET_NOTIFY_TYPES.includes(e.type)).map((e) => [e.correlationId, e.id]),
      );
    });
  });
});
