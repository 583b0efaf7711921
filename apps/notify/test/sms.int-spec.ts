import { AuthUser } from '@ticketing/auth';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  api,
  assigned,
  directory,
  publish,
  startAliyunSms,
  startNotify,
  submitted,
  ticketEvent,
  Topics,
  users,
} from './notify-test-kit';

const ACCESS_KEY_ID = 'LTAI5tTestAccessKey';
const ACCESS_KEY_SECRET = 'a-test-access-key-secret-0123';
const NOTE = '内部备注：企业法人另案涉诉，暂缓协调，切勿告知企业';
const TEMPLATES = {
  assigned: 'SMS_460000001',
  information_requested: 'SMS_460000002',
  replied: 'SMS_460000003',
};
const other: AuthUser = {
  id: 'u-ent2',
  role: 'enterprise',
  name: '企业二',
  enterpriseId: 'ent-2',
} as AuthUser;

describe('notify SMS to the enterprise contact, through a receiver that checks Alibaba Cloud signatures', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let sms: Awaited<ReturnType<typeof startAliyunSms>>;
  let pg: Client;
  let smsId: string;

  const count = async (table: string) =>
    (await pg.query(`SELECT count(*)::int AS n FROM notify.${table}`)).rows[0].n as number;
  const subscriptionBody = (changes: Record<string, unknown> = {}) => ({
    name: '企业短信提醒',
    channel: 'sms',
    events: ['assigned', 'information_requested', 'replied'],
    url: `${sms.url}/`,
    secret: ACCESS_KEY_SECRET,
    smsAccessKeyId: ACCESS_KEY_ID,
    smsSignName: '园区吹哨报到',
    smsTemplates: TEMPLATES,
    ...changes,
  });
  /** The SMS deliveries made for a ticket, as `<status> <event type>` in event order. */
  const smsDeliveries = async (ticketId: string) =>
    (
      await pg.query(
        `SELECT status || ' ' || event_type AS d FROM notify.deliveries
          WHERE subscription_id = $1 AND ticket_id = $2 ORDER BY event_occurred_at, created_at`,
        [smsId, ticketId],
      )
    ).rows.map((r: { d: string }) => r.d);
  /** One ticket's conversation: submitted with a contact phone, assigned, a question, a note, the answer. */
  const conversation = async (enterpriseId: string, phone = '138 0013 8000') => {
    const t = {
      ticketId: randomUUID(),
      number: `CS-2026-${String(Math.floor(Math.random() * 1e6)).padStart(6, '0')}`,
      enterpriseId,
    };
    const base = { status: 'in_progress', leadDepartmentId: 'dep-hr' };
    const sub = submitted(t);
    (sub.payload.contact as { phone: string }).phone = phone;
    await publish(running, Topics.Ticket, [sub]);
    await publish(running, Topics.Ticket, [assigned(t)]);
    await publish(running, Topics.Ticket, [
      ticketEvent('ticket.information-requested', t, {
        ...base,
        requestId: randomUUID(),
        departmentId: 'dep-hr',
        question: '请补充营业执照副本',
      }),
    ]);
    await publish(running, Topics.Ticket, [
      ticketEvent('ticket.note-added', t, {
        ...base,
        noteId: randomUUID(),
        departmentId: 'dep-hr',
        text: NOTE,
      }),
    ]);
    await publish(running, Topics.Ticket, [
      ticketEvent('ticket.replied', t, {
        ...base,
        departmentId: 'dep-hr',
        message: '已协调招聘会，下周三对接',
      }),
    ]);
    return t;
  };

  beforeAll(async () => {
    db = await createTestDatabase('notify_sms');
    sms = await startAliyunSms({ [ACCESS_KEY_ID]: ACCESS_KEY_SECRET });
    running = await startNotify(db.url, {
      NOTIFY_RETRY_BASE_MS: '50',
      NOTIFY_RETRY_CAP_MS: '100',
      NOTIFY_MAX_ATTEMPTS: '3',
    });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await publish(running, Topics.Directory, [
      directory.department('dep-hr', '人社局'),
      directory.enterprise('ent-1', '示例机械有限公司'),
      directory.enterprise('ent-2', '第二机械有限公司'),
      directory.user({ id: 'u-ent', role: 'enterprise', enterpriseId: 'ent-1' }),
    ]);
    const res = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, subscriptionBody());
    expect(res.status).toBe(201);
    smsId = res.body.id;
  });

  afterAll(async () => {
    await pg?.end();
    await running?.close();
    await sms?.close();
    await db?.drop();
  });

  it('sends the three messages, signed as Alibaba Cloud checks them, to the contact phone; nothing of a note', async () => {
    const t = await conversation('ent-1');
    await eventually(
      () => sms.accepted.filter((m) => m.templateParam.number === t.number).length === 3,
      15_000,
    );
    // Every event was applied when publish returned: these are all the SMS deliveries there will be.
    await eventually(
      async () => (await smsDeliveries(t.ticketId)).every((d) => d.startsWith('delivered')),
      15_000,
    );
    expect(await smsDeliveries(t.ticketId)).toEqual([
      'delivered ticket.assigned',
      'delivered ticket.information-requested',
      'delivered ticket.replied',
    ]);
    const mine = sms.accepted.filter((m) => m.templateParam.number === t.number);
    expect(sms.refused).toEqual([]);
    expect(mine.map((m) => [m.phone, m.signName, m.templateCode, m.templateParam])).toEqual([
      ['13800138000', '园区吹哨报到', TEMPLATES.assigned, { number: t.number, department: '人社局' }],
      [
        '13800138000',
        '园区吹哨报到',
        TEMPLATES.information_requested,
        { number: t.number, department: '人社局' },
      ],
      ['13800138000', '园区吹哨报到', TEMPLATES.replied, { number: t.number, department: '人社局' }],
    ]);
    // Each SMS names its delivery, as listed for the admin.
    const listed = await api(
      running,
      'GET',
      `/api/v1/notify/deliveries?subscriptionId=${smsId}`,
      users.admin,
    );
    expect(
      listed.body.items
        .filter((d: { status: string }) => d.status === 'delivered')
        .map((d: { id: string }) => d.id)
        .sort(),
    ).toEqual(expect.arrayContaining(mine.map((m) => m.outId)));
    // The note reached no one: not the SMS receiver, not a stored message, not an in-app notification.
    expect(
      sms.accepted.some((m) => m.raw.includes(encodeURIComponent('涉诉')) || m.raw.includes('涉诉')),
    ).toBe(false);
    const stored = await pg.query(
      `SELECT (SELECT count(*) FROM notify.deliveries WHERE message::text LIKE '%涉诉%')::int AS deliveries,
              (SELECT count(*) FROM notify.notifications WHERE body LIKE '%涉诉%' OR title LIKE '%涉诉%')::int AS notifications,
              (SELECT count(*) FROM notify.deliveries WHERE event_type = 'ticket.note-added')::int AS note_deliveries`,
    );
    expect(stored.rows[0]).toEqual({ deliveries: 0, notifications: 0, note_deliveries: 0 });
    // The enterprise read the question in the app.
    const inbox = await api(running, 'GET', '/api/v1/notify/notifications', users.enterprise);
    expect(inbox.body.items.map((n: { eventType: string }) => n.eventType)).toContain(
      'ticket.information-requested',
    );
    expect(JSON.stringify(inbox.body)).not.toContain('涉诉');
  });

  it('sends none to an enterprise that turned SMS off, and again once it turns them on; another enterprise is unaffected', async () => {
    expect((await api(running, 'GET', '/api/v1/notify/sms-preference', other)).body).toMatchObject({
      enabled: true,
      version: 0,
    });
    const off = await api(running, 'PUT', '/api/v1/notify/sms-preference', other, {
      enabled: false,
      expectedVersion: 0,
    });
    expect(off).toMatchObject({ status: 200, body: { enabled: false, version: 1 } });
    expect((await api(running, 'GET', '/api/v1/notify/sms-preference', users.enterprise)).body).toMatchObject(
      { enabled: true },
    );

    const quiet = await conversation('ent-2', '13900139000');
    const loud = await conversation('ent-1', '13800138000');
    await eventually(
      () => sms.accepted.filter((m) => m.templateParam.number === loud.number).length === 3,
      15_000,
    );
    // Applied when publish returned: no delivery was made for the quiet enterprise, so none can arrive.
    expect(await smsDeliveries(quiet.ticketId)).toEqual([]);
    expect(sms.accepted.filter((m) => m.templateParam.number === quiet.number)).toEqual([]);
    expect(sms.accepted.filter((m) => m.phone === '13900139000')).toEqual([]);

    expect(
      (await api(running, 'PUT', '/api/v1/notify/sms-preference', other, { enabled: true })).body,
    ).toMatchObject({ enabled: true, version: 2 });
    const again = await conversation('ent-2', '13900139000');
    await eventually(
      () => sms.accepted.filter((m) => m.templateParam.number === again.number).length === 3,
      15_000,
    );
  });

  it('marks an SMS failed after its attempts when the signature is refused, and lists it with the reason', async () => {
    const wrong = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, {
      ...subscriptionBody({
        name: '错误密钥',
        events: ['assigned'],
        secret: 'not-the-secret',
        departmentIds: ['dep-wrong'],
      }),
    });
    expect(wrong.status).toBe(201);
    const t = {
      ticketId: randomUUID(),
      number: 'CS-2026-990001',
      enterpriseId: 'ent-1',
      leadDepartmentId: 'dep-wrong',
    };
    await publish(running, Topics.Ticket, [submitted(t)]);
    await publish(running, Topics.Ticket, [assigned(t)]);
    const failed = await eventually(async () => {
      const page = await api(
        running,
        'GET',
        `/api/v1/notify/deliveries?status=failed&subscriptionId=${wrong.body.id}`,
        users.committee,
      );
      return page.body.items[0];
    }, 15_000);
    expect(failed).toMatchObject({
      attempts: 3,
      lastError: expect.stringMatching(/^sms error SignatureDoesNotMatch/),
    });
    expect(sms.refused.filter((r) => r.code === 'SignatureDoesNotMatch')).toHaveLength(3);
  });

  describe('the SMS choice (GET and PUT /api/v1/notify/sms-preference)', () => {
    const byRole: Record<string, AuthUser | undefined> = {
      anonymous: undefined,
      admin: users.admin,
      committee: users.committee,
      department: users.department,
      instructor: users.instructor,
    };
    it.each(Object.keys(byRole))('refuses %s (only an enterprise user sets its own)', async (role) => {
      const rows = await count('sms_preferences');
      for (const [method, body] of [
        ['GET', undefined],
        ['PUT', { enabled: false }],
      ] as const) {
        const { status } = await api(running, method, '/api/v1/notify/sms-preference', byRole[role], body);
        expect({ role, method, status }).toEqual({ role, method, status: role === 'anonymous' ? 401 : 403 });
      }
      expect(await count('sms_preferences')).toBe(rows);
    });

    it.each([
      ['no value', {}, 'enabled'],
      ['a word for a boolean', { enabled: 'no' }, 'enabled'],
      ['a number for a boolean', { enabled: 0 }, 'enabled'],
      ['a negative version', { enabled: false, expectedVersion: -1 }, 'expectedVersion'],
      ['a version past int4', { enabled: false, expectedVersion: 2 ** 31 }, 'expectedVersion'],
      ['an unknown field', { enabled: false, enterpriseId: 'ent-2' }, 'enterpriseId'],
    ])('refuses %s with a 400 naming the field, and writes nothing', async (_what, body, field) => {
      const rows = await count('sms_preferences');
      const before = (await api(running, 'GET', '/api/v1/notify/sms-preference', users.enterprise)).body;
      const res = await api(running, 'PUT', '/api/v1/notify/sms-preference', users.enterprise, body);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count('sms_preferences')).toBe(rows);
      expect((await api(running, 'GET', '/api/v1/notify/sms-preference', users.enterprise)).body).toEqual(
        before,
      );
    });

    it('answers a stale version with 409 and keeps the choice', async () => {
      const now = (await api(running, 'GET', '/api/v1/notify/sms-preference', other)).body;
      const stale = await api(running, 'PUT', '/api/v1/notify/sms-preference', other, {
        enabled: !now.enabled,
        expectedVersion: now.version - 1,
      });
      expect(stale.status).toBe(409);
      expect((await api(running, 'GET', '/api/v1/notify/sms-preference', other)).body).toEqual(now);
    });
  });

  it.each([
    ['an event SMS does not send', { events: ['assigned', 'breached'] }, 'events'],
    ['no template for an event', { smsTemplates: { assigned: TEMPLATES.assigned } }, 'smsTemplates'],
    [
      'a template code that is not one',
      { smsTemplates: { ...TEMPLATES, replied: '模板三' } },
      'smsTemplates.replied',
    ],
    [
      'a kind of SMS that does not exist',
      { smsTemplates: { ...TEMPLATES, urged: 'SMS_1' } },
      'smsTemplates.urged',
    ],
    ['no AccessKey ID', { smsAccessKeyId: undefined }, 'smsAccessKeyId'],
    ['no AccessKey secret', { secret: undefined }, 'secret'],
    ['a sign name in brackets', { smsSignName: '【园区】' }, 'smsSignName'],
    ['a sign name past its bound', { smsSignName: '园'.repeat(31) }, 'smsSignName'],
    ['recipients, which SMS does not use', { recipients: ['a@b.cn'] }, 'recipients'],
    [
      'SMS fields on a robot',
      {
        channel: 'wecom',
        url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k',
        secret: undefined,
        events: ['assigned'],
      },
      'smsAccessKeyId',
    ],
  ])(
    'refuses an SMS subscription with %s: 400 naming the field, nothing written',
    async (_what, change, field) => {
      const rows = await count('subscriptions');
      const res = await api(
        running,
        'POST',
        '/api/v1/notify/subscriptions',
        users.admin,
        subscriptionBody(change),
      );
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await count('subscriptions')).toBe(rows);
    },
  );
});
