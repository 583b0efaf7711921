import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually, sleep } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import {
  api,
  assigned,
  breached,
  dingtalkAnswer,
  dingtalkVerify,
  directory,
  json,
  publish,
  Received,
  startNotify,
  startReceiver,
  startSmtp,
  submitted,
  Topics,
  users,
  webhookVerify,
  wecomAnswer,
} from './notify-test-kit';

type Receiver = Awaited<ReturnType<typeof startReceiver>>;

const DING_SECRET = 'SEC0123456789abcdef0123456789abcdef';
const HOOK_SECRET = 'hook-secret-0123456789';
const TIMEOUT_MS = 3000;

describe('notify deliveries to real receivers', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  const receivers: Receiver[] = [];

  const receiver = async (answer: Parameters<typeof startReceiver>[0]) => {
    const r = await startReceiver(answer);
    receivers.push(r);
    return r;
  };
  const subscribe = async (body: Record<string, unknown>) => {
    const res = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, body);
    expect(res.status).toBe(201);
    return res.body.id as string;
  };
  const deliveriesOf = async (subscriptionId: string) =>
    (await api(running, 'GET', `/api/v1/notify/deliveries?subscriptionId=${subscriptionId}`, users.committee))
      .body.items as {
      id: string;
      status: string;
      attempts: number;
      lastError: string | null;
    }[];
  /** Deliveries are durable and at-least-once; these tests also show nothing arrives twice. */
  const settle = () => sleep(400);
  // Each test has its own department so that subscriptions of earlier tests stay out of its way.
  const newTicket = async (departmentId: string) => {
    const ticketId = randomUUID();
    await publish(running, Topics.Directory, [directory.department(departmentId, `部门${departmentId}`)]);
    await publish(running, Topics.Ticket, [submitted({ ticketId })]);
    return { ticketId, leadDepartmentId: departmentId };
  };

  beforeAll(async () => {
    db = await createTestDatabase('notify_delivery');
    smtp = await startSmtp();
    running = await startNotify(db.url, {
      SMTP_URL: smtp.url,
      SMTP_FROM: '吹哨报到 <noreply@zone.example>',
      PUBLIC_BASE_URL: 'http://127.0.0.1:3000',
      NOTIFY_TIMEOUT_MS: String(TIMEOUT_MS),
      NOTIFY_RETRY_BASE_MS: '50',
      NOTIFY_RETRY_CAP_MS: '200',
      NOTIFY_MAX_ATTEMPTS: '6',
    });
    await publish(running, Topics.Directory, [
      directory.department('dep-hr', '人社局'),
      directory.enterprise('ent-1', '示例机械有限公司'),
    ]);
  });

  afterAll(async () => {
    await running?.close();
    await Promise.all(receivers.map((r) => r.close()));
    await smtp?.close();
    await db?.drop();
  });

  it('sends the right message once to a WeCom robot, a signed DingTalk robot, a signed webhook and by e-mail', async () => {
    const wecom = await receiver(wecomAnswer('wecom-key'));
    const ding = await receiver(dingtalkAnswer(DING_SECRET));
    const hook = await receiver((r, res) =>
      webhookVerify(HOOK_SECRET, r) ? res.writeHead(204).end() : json(res, 401, { error: 'bad signature' }),
    );
    const filter = { departmentIds: ['dep-hr'] };
    await subscribe({
      name: '人社局企业微信群',
      channel: 'wecom',
      events: ['assigned'],
      ...filter,
      url: `${wecom.url}/cgi-bin/webhook/send?key=wecom-key`,
      msgtype: 'text',
      mentionMobiles: ['13800138000'],
    });
    await subscribe({
      name: '人社局钉钉群',
      channel: 'dingtalk',
      events: ['ticket.assigned'],
      ...filter,
      url: `${ding.url}/robot/send?access_token=tok`,
      secret: DING_SECRET,
      mentionMobiles: ['13900139000'],
    });
    await subscribe({
      name: '园区系统',
      channel: 'webhook',
      events: ['assigned'],
      ...filter,
      url: `${hook.url}/hooks/chuishao`,
      secret: HOOK_SECRET,
    });
    await subscribe({
      name: '值班邮箱',
      channel: 'email',
      events: ['assigned'],
      ...filter,
      recipients: ['duty@hr.zone.example'],
    });

    const ticketId = randomUUID();
    await publish(running, Topics.Ticket, [
      submitted({ ticketId, number: 'CS-2026-000777', title: '招工难：急需焊工20名' }),
    ]);
    await publish(running, Topics.Ticket, [
      assigned({ ticketId, number: 'CS-2026-000777', leadDepartmentId: 'dep-hr' }),
    ]);

    await eventually(
      () => wecom.received.length && ding.received.length && hook.received.length && smtp.mails.length,
      10_000,
    );
    await settle();
    expect([wecom.received.length, ding.received.length, hook.received.length, smtp.mails.length]).toEqual([
      1, 1, 1, 1,
    ]);

    const w = JSON.parse(wecom.received[0].body);
    expect(w.msgtype).toBe('text');
    expect(w.text.mentioned_mobile_list).toEqual(['13800138000']);
    expect(w.text.content).toContain('新诉求待签收');
    expect(w.text.content).toContain('CS-2026-000777');
    expect(w.text.content).toContain('招工难：急需焊工20名');
    expect(w.text.content).toContain('人社局');
    expect(w.text.content).toContain(`http://127.0.0.1:3000/tickets/${ticketId}`);

    expect(dingtalkVerify(DING_SECRET, ding.received[0])).toBe(true);
    const d = JSON.parse(ding.received[0].body);
    expect(d).toMatchObject({
      msgtype: 'markdown',
      markdown: { title: '新诉求待签收' },
      at: { atMobiles: ['13900139000'], isAtAll: false },
    });
    expect(d.markdown.text).toContain('@13900139000');
    expect(d.markdown.text).toContain(`(http://127.0.0.1:3000/tickets/${ticketId})`);

    expect(webhookVerify(HOOK_SECRET, hook.received[0])).toBe(true);
    const h = JSON.parse(hook.received[0].body);
    expect(h).toMatchObject({
      event: { type: 'ticket.assigned' },
      ticket: { id: ticketId, number: 'CS-2026-000777' },
      message: { title: '新诉求待签收' },
    });
    expect(hook.received[0].headers['x-chuishao-delivery']).toBe(h.deliveryId);

    const mail = smtp.mails[0];
    expect(mail.to).toEqual(['duty@hr.zone.example']);
    expect(mail.from).toBe('noreply@zone.example');
    expect(mail.subject).toBe('[吹哨报到] 新诉求待签收：CS-2026-000777 招工难：急需焊工20名');
    expect(mail.text).toContain('牵头部门：人社局');
    expect(mail.text).toContain(`http://127.0.0.1:3000/tickets/${ticketId}`);

    const delivered = await api(running, 'GET', '/api/v1/notify/deliveries?status=delivered', users.admin);
    expect(delivered.body.items).toHaveLength(4);
    expect(delivered.body.items.every((x: { attempts: number }) => x.attempts === 1)).toBe(true);
  });

  it('delivers exactly once to a receiver that fails three times and then recovers', async () => {
    const flaky = await receiver((r, res, n) =>
      n <= 3 ? json(res, 503, { error: 'down for maintenance' }) : res.writeHead(200).end('ok'),
    );
    const t = await newTicket('dep-flaky');
    const id = await subscribe({
      name: 'flaky',
      channel: 'webhook',
      events: ['assigned'],
      departmentIds: ['dep-flaky'],
      url: flaky.url,
      secret: HOOK_SECRET,
    });

    await publish(running, Topics.Ticket, [assigned(t)]);
    const done = await eventually(
      async () => (await deliveriesOf(id)).find((x) => x.status === 'delivered'),
      10_000,
    );
    await settle();
    expect(done).toMatchObject({ status: 'delivered', attempts: 4, lastError: null });
    expect(flaky.received).toHaveLength(4);
    // Every attempt carries the same delivery id and a fresh, valid signature.
    expect(new Set(flaky.received.map((r) => r.headers['x-chuishao-delivery'])).size).toBe(1);
    expect(flaky.received.every((r) => webhookVerify(HOOK_SECRET, r))).toBe(true);
    // Backoff: the attempts are spread out, not fired back to back.
    expect(flaky.received[3].at - flaky.received[0].at).toBeGreaterThanOrEqual(25 + 50 + 100);
  });

  it('does not let a receiver that never answers delay the others', async () => {
    const hanging = await receiver(() => undefined);
    const healthy = await receiver(wecomAnswer('k'));
    const t = await newTicket('dep-slow');
    const hangId = await subscribe({
      name: 'hanging',
      channel: 'webhook',
      events: ['assigned', 'breached'],
      departmentIds: ['dep-slow'],
      url: hanging.url,
      secret: HOOK_SECRET,
    });
    await subscribe({
      name: 'healthy',
      channel: 'wecom',
      events: ['assigned', 'breached'],
      departmentIds: ['dep-slow'],
      url: `${healthy.url}/cgi-bin/webhook/send?key=k`,
    });

    // More events than the hanging receiver's share of the slots, so its backlog is real.
    const started = Date.now();
    await publish(running, Topics.Ticket, [assigned(t)]);
    await publish(running, Topics.Sla, [breached(t), breached(t), breached(t)]);
    const intakeMs = Date.now() - started;

    await eventually(() => healthy.received.length >= 4, 10_000);
    const healthyMs = Math.max(...healthy.received.map((r) => r.at)) - started;
    expect(intakeMs).toBeLessThan(1000);
    expect(healthyMs).toBeLessThan(TIMEOUT_MS / 2);
    expect(hanging.received.length).toBeLessThanOrEqual(2); // at most NOTIFY_PER_SUBSCRIPTION at once

    // The hanging receiver's attempts end at the timeout and are retried later, not lost.
    const timedOut = await eventually(
      async () =>
        (await deliveriesOf(hangId)).find((x) => x.lastError?.includes(`no answer within ${TIMEOUT_MS} ms`)),
      10_000,
    );
    expect(timedOut).toMatchObject({ status: 'pending' });
  });

  it('makes one delivery per subscription of an event the transport delivers twice', async () => {
    const hook = await receiver((_r, res) => res.writeHead(204).end());
    const t = await newTicket('dep-dup');
    const id = await subscribe({
      name: 'dup',
      channel: 'webhook',
      events: ['assigned'],
      departmentIds: ['dep-dup'],
      url: hook.url,
      secret: HOOK_SECRET,
    });
    const event = assigned(t);
    await publish(running, Topics.Ticket, [event]);
    await publish(running, Topics.Ticket, [event]);
    await eventually(() => hook.received.length, 10_000);
    await settle();
    expect(await deliveriesOf(id)).toHaveLength(1);
    expect(hook.received).toHaveLength(1);
  });

  it('marks a delivery failed after the attempts run out, lists it for the admin, and retries it on request', async () => {
    const ding = await receiver(dingtalkAnswer(DING_SECRET));
    const t = await newTicket('dep-ding');
    const url = `${ding.url}/robot/send?access_token=tok`;
    const base = {
      name: '钉钉群',
      channel: 'dingtalk',
      events: ['breached'],
      departmentIds: ['dep-ding'],
      url,
    };
    const id = await subscribe({ ...base, secret: 'SECwrong-secret' });

    await publish(running, Topics.Sla, [breached(t)]);
    const failed = (await eventually(
      async () => (await deliveriesOf(id)).find((x) => x.status === 'failed'),
      15_000,
    ))!;
    expect(failed).toMatchObject({ attempts: 6, lastError: 'robot error 310000: sign not match' });
    expect(ding.received).toHaveLength(6);
    const listed = await api(running, 'GET', '/api/v1/notify/deliveries?status=failed', users.admin);
    expect(listed.body.items.map((x: { id: string }) => x.id)).toContain(failed.id);

    // An unknown delivery is not found; the admin fixes the secret, then retries.
    expect(
      (await api(running, 'POST', `/api/v1/notify/deliveries/${randomUUID()}/retry`, users.admin)).status,
    ).toBe(404);
    expect(
      (
        await api(running, 'PUT', `/api/v1/notify/subscriptions/${id}`, users.admin, {
          ...base,
          secret: DING_SECRET,
        })
      ).status,
    ).toBe(200);
    const retried = await api(running, 'POST', `/api/v1/notify/deliveries/${failed.id}/retry`, users.admin);
    expect(retried.status).toBe(200);
    const ok = await eventually(
      async () => (await deliveriesOf(id)).find((x) => x.status === 'delivered'),
      10_000,
    );
    expect(ok?.id).toBe(failed.id);
    expect(dingtalkVerify(DING_SECRET, ding.received[ding.received.length - 1])).toBe(true);
    expect(
      (await api(running, 'POST', `/api/v1/notify/deliveries/${failed.id}/retry`, users.admin)).status,
    ).toBe(409);
  });

  it('treats a WeCom errcode as a failure and reports it from the test-send endpoint', async () => {
    const wecom = await receiver(wecomAnswer('right-key'));
    const bad = await subscribe({
      name: 'wrong key',
      channel: 'wecom',
      events: ['assigned'],
      url: `${wecom.url}/cgi-bin/webhook/send?key=wrong-key`,
      enabled: false,
    });
    const good = await subscribe({
      name: 'right key',
      channel: 'wecom',
      events: ['assigned'],
      url: `${wecom.url}/cgi-bin/webhook/send?key=right-key`,
      enabled: false,
    });
    const a = await api(running, 'POST', `/api/v1/notify/subscriptions/${bad}/test`, users.committee);
    expect(a.status).toBe(200);
    expect(a.body).toMatchObject({ delivered: false, error: 'robot error 93000: invalid webhook url' });
    const b = await api(running, 'POST', `/api/v1/notify/subscriptions/${good}/test`, users.committee);
    expect(b.body).toMatchObject({ delivered: true, error: null });
    expect(JSON.parse(wecom.received[1].body).markdown.content).toContain('吹哨报到测试消息');
  });
});

export type { Received };
