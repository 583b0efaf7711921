import { AuthUser, TokenService } from '@ticketing/auth';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import { api, SECRET, startNotify, tokenFor, users } from './notify-test-kit';

/** What identity's POST /api/v1/identity/stream-tickets hands out: EventSource cannot send the bearer token. */
const streamTicket = (u: AuthUser) =>
  new TokenService(SECRET).signStreamTicket(u, '/api/v1/notify/stream').ticket;

const ROLES = ['admin', 'committee', 'department', 'enterprise', 'instructor'] as const;

describe('notify subscriptions and authorisation', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  const valid = {
    name: '党委值班群',
    channel: 'wecom',
    events: ['breached', 'escalated', 'transfer_requested'],
    url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a91f6-7xxx-4bc4-97a0-0ec2sifa5aaa',
  };

  beforeAll(async () => {
    db = await createTestDatabase('notify_subs');
    // No SMTP_URL: e-mail subscriptions must be refused with a reason.
    running = await startNotify(db.url, { NOTIFY_ALLOW_HTTP: 'false' });
  });
  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  const count = async () =>
    (await api(running, 'GET', '/api/v1/notify/subscriptions', users.admin)).body.length as number;

  it('creates a subscription, resolving friendly event names, and never shows its secrets', async () => {
    const res = await api(running, 'POST', '/api/v1/notify/subscriptions', users.committee, valid);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      channel: 'wecom',
      events: ['sla.breached', 'sla.escalated', 'ticket.transfer-requested'],
      msgtype: 'markdown',
      url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693a%E2%80%A6',
      hasSecret: false,
      enabled: true,
      version: 1,
      createdBy: users.committee.id,
    });
    const ding = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, {
      name: '钉钉',
      channel: 'dingtalk',
      events: ['ticket.assigned'],
      url: 'https://oapi.dingtalk.com/robot/send?access_token=abcdef123',
      secret: 'SECsecretsecret',
      urgencies: ['urgent', 'critical'],
    });
    expect(ding.status).toBe(201);
    expect(JSON.stringify(ding.body)).not.toContain('SECsecretsecret');
    expect(ding.body.hasSecret).toBe(true);
  });

  it.each([
    ['an unknown event', { events: ['assigned', 'exploded'] }, 'events', /unknown event\(s\): exploded/],
    ['a malformed URL', { url: 'qyapi.weixin.qq.com/send' }, 'url', /absolute URL/],
    ['a plain http URL', { url: 'http://robot.example.org/send' }, 'url', /https/],
    ['a WeCom URL without key', { url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send' }, 'url', /key=/],
    [
      'a missing DingTalk secret',
      { channel: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=t' },
      'secret',
      /required for dingtalk/,
    ],
    [
      'a missing webhook secret',
      { channel: 'webhook', url: 'https://hooks.example.org/x' },
      'secret',
      /required for webhook/,
    ],
    [
      'e-mail without a server',
      { channel: 'email', url: undefined, recipients: ['duty@zone.example'] },
      'channel',
      /SMTP_URL/,
    ],
    [
      'a bad e-mail address',
      { channel: 'email', url: undefined, recipients: ['duty-at-zone'] },
      'recipients',
      /not e-mail addresses: duty-at-zone/,
    ],
    ['an unknown channel', { channel: 'fax' }, 'channel', /one of wecom, dingtalk, webhook, email/],
    ['no events', { events: [] }, 'events', /at least one/],
    ['an unknown field', { colour: 'red' }, 'colour', /should not exist/],
    ['a WeCom @mention in markdown', { mentionMobiles: ['13800138000'] }, 'mentionMobiles', /text/],
    ['a bad urgency', { urgencies: ['whenever'] }, 'urgencies', /normal, urgent, critical/],
    [
      'ten thousand urgencies',
      { urgencies: Array.from({ length: 10_000 }, () => 'normal') },
      'urgencies',
      /at most 100 entries/,
    ],
    [
      'an event name past its bound',
      { events: ['assigned', 'x'.repeat(101)] },
      'events',
      /at most 100 characters/,
    ],
  ])('refuses %s with a 400 naming the field, and writes nothing', async (_what, change, field, message) => {
    const before = await count();
    const res = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, {
      ...valid,
      ...change,
    });
    expect(res.status).toBe(400);
    expect(res.body.type).toBe('urn:chuishao:problem:validation');
    const problem = res.body.errors.find((e: { field: string }) => e.field === field);
    expect(problem?.messages.join(' ')).toMatch(message);
    expect(await count()).toBe(before);
  });

  it('replaces with optimistic concurrency, keeps a secret that was not retyped, and deletes', async () => {
    const created = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, {
      name: 'hook',
      channel: 'webhook',
      events: ['resolved'],
      url: 'https://hooks.example.org/a',
      secret: 'sixteen-chars-secret',
    });
    const id = created.body.id;
    const replaced = await api(running, 'PUT', `/api/v1/notify/subscriptions/${id}`, users.admin, {
      name: 'hook v2',
      channel: 'webhook',
      events: ['resolved', 'feedback'],
      url: 'https://hooks.example.org/b',
      expectedVersion: 1,
    });
    expect(replaced.status).toBe(200);
    expect(replaced.body).toMatchObject({
      name: 'hook v2',
      events: ['ticket.resolved', 'ticket.feedback-given'],
      hasSecret: true,
      version: 2,
    });
    const stale = await api(running, 'PUT', `/api/v1/notify/subscriptions/${id}`, users.admin, {
      ...valid,
      expectedVersion: 1,
    });
    expect(stale.status).toBe(409);
    const bad = await api(running, 'PUT', `/api/v1/notify/subscriptions/${id}`, users.admin, {
      ...valid,
      events: ['nope'],
    });
    expect(bad.status).toBe(400);
    expect((await api(running, 'DELETE', `/api/v1/notify/subscriptions/${id}`, users.admin)).status).toBe(
      204,
    );
    expect((await api(running, 'DELETE', `/api/v1/notify/subscriptions/${id}`, users.admin)).status).toBe(
      404,
    );
    expect(
      (await api(running, 'PUT', `/api/v1/notify/subscriptions/${randomUUID()}`, users.admin, valid)).status,
    ).toBe(404);
    expect(
      (await api(running, 'POST', '/api/v1/notify/subscriptions/not-a-uuid/test', users.admin)).status,
    ).toBe(400);
  });

  it('refuses an expectedVersion past the int4 version column with a 400 naming it, and writes nothing', async () => {
    const created = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, {
      ...valid,
      name: 'bounds',
    });
    const id = created.body.id;
    for (const expectedVersion of [2147483648, 2 ** 63, 1e308]) {
      const res = await api(running, 'PUT', `/api/v1/notify/subscriptions/${id}`, users.admin, {
        ...valid,
        name: 'bounds v2',
        expectedVersion,
      });
      expect({ expectedVersion, status: res.status }).toEqual({ expectedVersion, status: 400 });
      expect(res.body.errors.map((e: { field: string }) => e.field)).toEqual(['expectedVersion']);
    }
    const [stored] = (await api(running, 'GET', '/api/v1/notify/subscriptions', users.admin)).body.filter(
      (s: { id: string }) => s.id === id,
    );
    expect(stored).toMatchObject({ name: 'bounds', version: 1 });
  });

  it('answers a replacement with the values it already has with the unchanged record: no new version', async () => {
    const created = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, {
      ...valid,
      name: 'same',
    });
    const again = await api(running, 'PUT', `/api/v1/notify/subscriptions/${created.body.id}`, users.admin, {
      ...valid,
      name: 'same',
      expectedVersion: 1,
    });
    expect(again.status).toBe(200);
    expect(again.body).toEqual(created.body);
  });

  describe('authorisation matrix', () => {
    const someId = randomUUID();
    const adminOnly = ['admin', 'committee'];
    const everyone = [...ROLES];
    // Allowed callers get past the guard (a 2xx, 400 or 404 of the use case); others get 403.
    // Every row has four entries: a shorter one would make jest pass its done callback as the body.
    const endpoints: [string, string, readonly string[], unknown][] = [
      ['POST', '/api/v1/notify/subscriptions', adminOnly, { ...valid, name: 'matrix' }],
      ['GET', '/api/v1/notify/subscriptions', adminOnly, undefined],
      ['PUT', `/api/v1/notify/subscriptions/${someId}`, adminOnly, valid],
      ['DELETE', `/api/v1/notify/subscriptions/${someId}`, adminOnly, undefined],
      ['POST', `/api/v1/notify/subscriptions/${someId}/test`, adminOnly, undefined],
      ['GET', '/api/v1/notify/deliveries?status=failed', adminOnly, undefined],
      ['POST', `/api/v1/notify/deliveries/${someId}/retry`, adminOnly, undefined],
      ['GET', '/api/v1/notify/notifications', everyone, undefined],
      ['GET', '/api/v1/notify/notifications/unread-count', everyone, undefined],
      ['POST', `/api/v1/notify/notifications/${someId}/read`, everyone, undefined],
      ['POST', '/api/v1/notify/notifications/read-all', everyone, undefined],
    ];
    const byRole: Record<string, AuthUser> = {
      admin: users.admin,
      committee: users.committee,
      department: users.department,
      enterprise: users.enterprise,
      instructor: users.instructor,
    };

    it.each(endpoints)('%s %s', async (method, path, allowed, body) => {
      expect((await api(running, method, path, undefined, body)).status).toBe(401);
      for (const role of ROLES) {
        const { status } = await api(running, method, path, byRole[role], body);
        if (allowed.includes(role)) expect([200, 201, 204, 400, 404]).toContain(status);
        else expect({ role, status }).toEqual({ role, status: 403 });
      }
    });

    it('GET /api/v1/notify/stream: every role, with a one-use stream ticket; never a token in the URL', async () => {
      expect((await fetch(`${running.url}/api/v1/notify/stream`)).status).toBe(401);
      expect((await fetch(`${running.url}/api/v1/notify/stream?ticket=garbage`)).status).toBe(401);
      const token = tokenFor(byRole.committee);
      expect((await fetch(`${running.url}/api/v1/notify/stream?access_token=${token}`)).status).toBe(401);
      // A ticket is no bearer token either.
      const asBearer = await fetch(`${running.url}/api/v1/notify/stream`, {
        headers: { authorization: `Bearer ${streamTicket(byRole.committee)}` },
      });
      expect(asBearer.status).toBe(401);
      for (const role of ROLES) {
        const ctrl = new AbortController();
        const ticket = streamTicket(byRole[role]);
        const res = await fetch(`${running.url}/api/v1/notify/stream?ticket=${ticket}`, {
          signal: ctrl.signal,
        });
        expect({ role, status: res.status, type: res.headers.get('content-type') }).toEqual({
          role,
          status: 200,
          type: 'text/event-stream; charset=utf-8',
        });
        ctrl.abort();
        // Once only.
        expect((await fetch(`${running.url}/api/v1/notify/stream?ticket=${ticket}`)).status).toBe(401);
      }
    });
  });
});
