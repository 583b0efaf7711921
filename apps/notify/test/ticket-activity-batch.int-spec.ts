/**
 * The ticket-activity group's lanes linger, so the inbox hands it batches: several tickets, several
 * events each, in one transaction. A batch costs one statement to lock and read the facts of all
 * its tickets and one to write them, one insert of deliveries and one of notifications — and stores
 * exactly what the same events store one by one.
 */
import { createEnvelope, EventEnvelope, newId, Topics } from '@ticketing/contracts';
import { MESSAGE_TRANSPORT, MessageTransport, partitionFor } from '@ticketing/messaging';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, statementsOf } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import {
  api,
  assigned,
  directory,
  json,
  publish,
  startNotify,
  startReceiver,
  submitted,
  ticketEvent,
  users,
} from './notify-test-kit';

type Envelope = EventEnvelope<Record<string, unknown>>;

const system = { id: 'system', role: 'system' as const };

const topicOf = (type: string) =>
  type.startsWith('sla.') ? Topics.Sla : type.startsWith('dispatch.') ? Topics.Dispatch : Topics.Ticket;

const deadlineSet = (ticketId: string, kind: 'respond' | 'resolve', dueAt: string): Envelope =>
  createEnvelope({
    type: 'sla.deadline-set',
    aggregateId: ticketId,
    aggregateVersion: 1,
    actor: system,
    payload: {
      ticketId,
      timerId: randomUUID(),
      kind,
      departmentId: 'dep-hr',
      dueAt,
      policyId: 'p-1',
      policyVersion: 1,
      reason: 'opened',
    },
  });

const transferDecided = (ticketId: string): Envelope =>
  createEnvelope({
    type: 'dispatch.transfer-decided',
    aggregateId: ticketId,
    aggregateVersion: 1,
    actor: system,
    payload: {
      ticketId,
      approved: true,
      fromDepartmentId: 'dep-tax',
      leadDepartmentId: 'dep-hr',
      coHandlerDepartmentIds: ['dep-tax'],
      note: '实为人社局职责',
    },
  });

/** Ticket ids the transport puts in one lane (it keys by aggregate id), so their events go in one batch. */
function idsInOneLane(n: number): string[] {
  const first = randomUUID();
  const ids = [first];
  // Equal modulo 64: equal for any lane count dividing it (the local transport has 4).
  while (ids.length < n) {
    const id = randomUUID();
    if (partitionFor(id, 64) === partitionFor(first, 64)) ids.push(id);
  }
  return ids;
}

/** Three tickets' intake, interleaved as the relays of ticket, sla and dispatch would deliver it. */
function intake([a, b, c]: string[]): Envelope[] {
  const t = (ticketId: string, number: string, leadDepartmentId = 'dep-hr') => ({
    ticketId,
    number,
    leadDepartmentId,
  });
  return [
    submitted(t(a, 'CS-2026-000201')),
    submitted({ ...t(b, 'CS-2026-000202'), title: '厂房租赁补贴' }),
    deadlineSet(c, 'respond', '2026-03-02T09:30:00.000Z'), // before the ticket's submission
    assigned(t(a, 'CS-2026-000201')),
    assigned(t(b, 'CS-2026-000202', 'dep-tax')),
    submitted(t(c, 'CS-2026-000203')),
    deadlineSet(a, 'respond', '2026-03-02T10:30:00.000Z'),
    assigned(t(c, 'CS-2026-000203')),
    deadlineSet(a, 'resolve', '2026-03-09T10:30:00.000Z'),
    transferDecided(b),
    ticketEvent('ticket.replied', t(c, 'CS-2026-000203'), {
      status: 'in_progress',
      departmentId: 'dep-hr',
      message: '已联系招聘会，下周三现场对接',
    }),
    deadlineSet(b, 'resolve', '2026-03-09T11:30:00.000Z'),
  ];
}

/** The same events about other tickets: new ids, the same payloads and times. */
const twinOf = (events: Envelope[], ids: Map<string, string>): Envelope[] =>
  events.map((e) => {
    const ticketId = ids.get(String(e.payload.ticketId))!;
    const id = newId();
    return { ...e, id, correlationId: id, aggregateId: ticketId, payload: { ...e.payload, ticketId } };
  });

describe('notify’s ticket activity, a batch at a time', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let receiver: Awaited<ReturnType<typeof startReceiver>>;
  let pg: Client;

  const transport = () => running.app.get<MessageTransport>(MESSAGE_TRANSPORT);
  /** One publish, each event on its own topic: what the transport has in a lane goes as one batch. */
  const publishTogether = (events: Envelope[]) =>
    transport().publish(
      events.map((e) => ({ topic: topicOf(e.type), key: e.aggregateId, value: JSON.stringify(e) })),
    );

  /** What is stored about these tickets, each ticket id replaced by its place in the list. */
  async function stored(ticketIds: string[]) {
    const name = (text: string) => ticketIds.reduce((s, id, i) => s.split(id).join(`<ticket ${i}>`), text);
    const read = async (sql: string) =>
      JSON.parse(name(JSON.stringify((await pg.query(sql, [ticketIds])).rows))) as unknown[];
    return {
      facts: await read(
        `SELECT id, number, title, enterprise_id, enterprise_name, category, urgency, grid_id, lead_department_id,
           co_handler_department_ids, status, respond_due_at, resolve_due_at, contact_phone
         FROM notify.tickets WHERE id = ANY($1) ORDER BY array_position($1, id)`,
      ),
      notifications: await read(
        `SELECT user_id, event_type, ticket_id, title, body, link FROM notify.notifications
         WHERE ticket_id = ANY($1) ORDER BY id`,
      ),
      deliveries: await read(
        `SELECT subscription_id, event_type, ticket_id, channel, message FROM notify.deliveries
         WHERE ticket_id = ANY($1) ORDER BY id`,
      ),
    };
  }

  const touching = (statements: string[], table: RegExp) => statements.filter((s) => table.test(s));

  beforeAll(async () => {
    db = await createTestDatabase('notify_activity_batch');
    receiver = await startReceiver((_r, res) => json(res, 200, { ok: true }));
    running = await startNotify(db.url, { PUBLIC_BASE_URL: 'https://cs.zone.example' });
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await publish(running, Topics.Directory, [
      directory.department('dep-hr', '人社局'),
      directory.department('dep-tax', '税务局'),
      directory.enterprise('ent-1', '示例机械有限公司'),
      directory.user({ id: 'u-hr', role: 'department', departmentId: 'dep-hr' }),
      directory.user({ id: 'u-tax', role: 'department', departmentId: 'dep-tax' }),
      directory.user({ id: 'u-ent', role: 'enterprise', enterpriseId: 'ent-1' }),
      directory.user({ id: 'u-committee', role: 'committee' }),
    ]);
    for (const [name, departmentIds] of [
      ['人社局机器人', ['dep-hr']],
      ['全部', []],
    ] as const) {
      const created = await api(running, 'POST', '/api/v1/notify/subscriptions', users.admin, {
        name,
        channel: 'webhook',
        url: receiver.url,
        secret: 's'.repeat(24),
        events: ['ticket.assigned', 'ticket.replied', 'dispatch.transfer-decided'],
        departmentIds,
      });
      expect(created.status).toBe(201);
    }
  });
  afterAll(async () => {
    await pg?.end();
    await running?.close();
    await receiver?.close();
    await db?.drop();
  });

  it('stores what one by one stores, with one read and one write of the facts and one insert per table', async () => {
    const batched = idsInOneLane(3);
    const events = intake(batched);
    const single = [randomUUID(), randomUUID(), randomUUID()];
    const twins = twinOf(events, new Map(batched.map((id, i) => [id, single[i]])));

    // One by one: each publish resolves once its event is applied, alone in its transaction.
    const alone = await statementsOf(async () => {
      for (const e of twins) await publish(running, topicOf(e.type), [e]);
    });
    // Together: one publish, one lane, one batch.
    const together = await statementsOf(() => publishTogether(events));

    const expected = await stored(single);
    expect(expected.facts).toHaveLength(3);
    expect(expected.notifications.length).toBeGreaterThan(3);
    expect(expected.deliveries.length).toBeGreaterThan(3);
    expect(await stored(batched)).toEqual(expected);

    // The facts of the batch: one locking read of all its tickets, one write of all of them.
    const facts = touching(together, /notify\.tickets/);
    expect(facts).toHaveLength(2);
    expect(facts[0]).toMatch(/^SELECT .* FROM notify\.tickets WHERE id = ANY\(.*\) ORDER BY id FOR UPDATE$/s);
    expect(facts[1]).toMatch(/^INSERT INTO notify\.tickets/);
    expect(touching(together, /INSERT INTO notify\.deliveries/)).toHaveLength(1);
    expect(touching(together, /INSERT INTO notify\.notifications/)).toHaveLength(1);
    // One by one, each event pays for its own.
    expect(touching(alone, /notify\.tickets/)).toHaveLength(2 * events.length);
  });

  it('sees each event after the earlier ones of its ticket in the same batch', async () => {
    const batched = idsInOneLane(3);
    await publishTogether(intake(batched));
    const { facts, notifications } = await stored(batched);
    expect(facts).toEqual([
      expect.objectContaining({
        number: 'CS-2026-000201',
        title: '招工难：急需焊工20名',
        lead_department_id: 'dep-hr',
        respond_due_at: '2026-03-02T10:30:00.000Z',
        resolve_due_at: '2026-03-09T10:30:00.000Z',
        contact_phone: '13800000000',
      }),
      expect.objectContaining({
        title: '厂房租赁补贴',
        lead_department_id: 'dep-hr',
        co_handler_department_ids: ['dep-tax'],
        resolve_due_at: '2026-03-09T11:30:00.000Z',
      }),
      // Its deadline came before its submission, and is kept.
      expect.objectContaining({ number: 'CS-2026-000203', respond_due_at: '2026-03-02T09:30:00.000Z' }),
    ]);
    // The tax office was told of its assignment with the title submitted earlier in the batch.
    const tax = notifications.find((n) => (n as { user_id: string }).user_id === 'u-tax') as {
      event_type: string;
      body: string;
    };
    expect(tax.event_type).toBe('ticket.assigned');
    expect(tax.body).toContain('厂房租赁补贴');
    expect(tax.body).toContain('税务局');
  });
  it('writes every kind of value back as it was: quotes, commas, braces, backslashes, empty and null', async () => {
    const [odd, plain] = idsInOneLane(2);
    const coHandlers = ['dep,1', 'dep"2', 'dep\\3', '{dep4}', 'NULL', ' 部门 '];
    await publishTogether([
      submitted({ ticketId: odd, number: 'CS-2026-000301', title: '引号"，逗号,\\反斜杠{括号}' }),
      createEnvelope({
        type: 'dispatch.decided',
        aggregateId: odd,
        aggregateVersion: 1,
        actor: system,
        payload: {
          ticketId: odd,
          leadDepartmentId: 'dep-hr',
          coHandlerDepartmentIds: coHandlers,
          via: 'manual',
          ruleId: null,
          ruleVersion: null,
          explanation: '',
        },
      }),
      // Known only from a deadline: no title, no co-handlers.
      deadlineSet(plain, 'resolve', '2026-03-09T10:30:00.000Z'),
    ]);
    const { rows } = await pg.query(
      `SELECT id, title, co_handler_department_ids, enterprise_id, contact_phone FROM notify.tickets
       WHERE id = ANY($1) ORDER BY array_position($1, id)`,
      [[odd, plain]],
    );
    expect(rows).toEqual([
      {
        id: odd,
        title: '引号"，逗号,\\反斜杠{括号}',
        co_handler_department_ids: coHandlers,
        enterprise_id: 'ent-1',
        contact_phone: '13800000000',
      },
      { id: plain, title: null, co_handler_department_ids: [], enterprise_id: null, contact_phone: null },
    ]);
  });
});
