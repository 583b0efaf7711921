/**
 * The ticket-events group is serial and lingers, so the inbox hands it batches: several tickets,
 * several events each, in one transaction. A batch keeps its ticket copies with ONE statement,
 * however many events and tickets it holds, and stores exactly what the same events store one by one
 * (a late version rolls nothing back, a title only comes with a submission the copy had not passed).
 */
import { Actor, createEnvelope, EventEnvelope, Topics } from '@ticketing/contracts';
import { MESSAGE_TRANSPORT, MessageTransport } from '@ticketing/messaging';
import { statementsOf } from '@ticketing/testing';
import { randomUUID } from 'node:crypto';
import { DEP, ENT, MeetingKit, startMeetingKit } from './meeting-test-kit';

type Envelope = EventEnvelope<Record<string, unknown>>;

const actor: Actor = { id: 'system', role: 'system' };

/** Each ticket's number: the same for a ticket of one run and its twin of the other. */
const numbers = new Map<string, string>();
const tickets = (): string[] =>
  [1, 2, 3].map((n) => {
    const id = randomUUID();
    numbers.set(id, `CS-2026-00000${n}`);
    return id;
  });

/** A ticket event as the ticket service publishes it: its base fields, and what its type adds. */
function ticketEvent(
  type: string,
  ticketId: string,
  version: number,
  state: { status: string; lead: string | null; co?: string[] },
  more: Record<string, unknown> = {},
): Envelope {
  return createEnvelope({
    type,
    aggregateId: ticketId,
    aggregateVersion: version,
    actor,
    payload: {
      ticketId,
      number: numbers.get(ticketId),
      enterpriseId: ENT.jx,
      category: 'transport',
      urgency: 'normal',
      gridId: 'grid-east',
      status: state.status,
      leadDepartmentId: state.lead,
      coHandlerDepartmentIds: state.co ?? [],
      ...more,
    },
  });
}

const submitted = (ticketId: string, title: string, version = 1) =>
  ticketEvent(
    'ticket.submitted',
    ticketId,
    version,
    { status: 'submitted', lead: null },
    {
      enterpriseName: '六枝机械厂',
      submittedBy: { id: 'u-ent', role: 'enterprise' },
      title,
      description: '说明',
      location: null,
      contact: { name: '王经理', phone: '13800138000' },
      attachments: [],
      submittedAt: '2026-03-02T08:00:00.000Z',
    },
  );
const assigned = (ticketId: string, version: number, lead: string, co: string[] = []) =>
  ticketEvent(
    'ticket.assigned',
    ticketId,
    version,
    { status: 'assigned', lead, co },
    { via: 'rule', ruleId: null, previousLeadDepartmentId: null, firstHandlerDepartmentId: lead },
  );
const acknowledged = (ticketId: string, version: number, lead: string, co: string[] = []) =>
  ticketEvent(
    'ticket.acknowledged',
    ticketId,
    version,
    { status: 'in_progress', lead, co },
    { departmentId: lead, reason: '已签收' },
  );
const supervised = (ticketId: string, version: number, lead: string) =>
  ticketEvent(
    'ticket.supervised',
    ticketId,
    version,
    { status: 'in_progress', lead },
    { level: 'joint_meeting', note: '提交联席会议' },
  );

/** What the copy already holds before the batch: ticket c began with a later event, so it has no title. */
const before = ([, , c]: string[]): Envelope[] => [acknowledged(c, 3, DEP.hrss)];

/** Three tickets' events, interleaved as the lane delivers them, with late and repeated versions. */
const batch = ([a, b, c]: string[]): Envelope[] => [
  submitted(a, '厂区门口道路破损'),
  submitted(b, '增值税留抵退税'),
  assigned(a, 2, DEP.transport, [DEP.urban]),
  submitted(c, '招工难'), // older than c's copy: its title is not taken
  assigned(b, 2, DEP.tax),
  acknowledged(a, 3, DEP.transport, [DEP.urban]),
  assigned(a, 2, DEP.hrss), // late: rolls nothing back
  assigned(c, 4, DEP.hrss, [DEP.tax]),
  supervised(b, 3, DEP.tax),
  assigned(a, 3, DEP.hrss), // as new as the copy: ignored
  acknowledged(c, 5, DEP.hrss, [DEP.tax]),
  assigned(b, 1, DEP.urban), // late
];

describe('ticket copies, a batch at a time', () => {
  let kit: MeetingKit;
  const transport = () => kit.running.app.get<symbol, MessageTransport>(MESSAGE_TRANSPORT);
  const message = (e: Envelope) => ({ topic: Topics.Ticket, key: e.aggregateId, value: JSON.stringify(e) });

  beforeAll(async () => {
    kit = await startMeetingKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const touching = (statements: string[], sql: RegExp) => statements.filter((s) => sql.test(s));

  /** The copies and candidates of these tickets, each ticket id replaced by its place in the list. */
  async function stored(ids: string[]) {
    const name = (text: string) => ids.reduce((s, id, i) => s.split(id).join(`<ticket ${i}>`), text);
    const read = async (sql: string) =>
      JSON.parse(name(JSON.stringify((await kit.pg.query(sql, [ids])).rows))) as unknown[];
    return {
      copies: await read(
        `SELECT ticket_id, number, title, enterprise_id, enterprise_name, lead_department_id, co_handler_department_ids,
           status, source_version
         FROM meeting.ticket_copies WHERE ticket_id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], ticket_id)`,
      ),
      candidates: await read(
        `SELECT ticket_id, reason, note FROM meeting.agenda_candidates WHERE ticket_id = ANY($1::uuid[])
         ORDER BY array_position($1::uuid[], ticket_id)`,
      ),
    };
  }

  it('stores what one by one stores, with one INSERT for the copies of the whole batch', async () => {
    const single = tickets();
    const batched = tickets();

    // One by one: each publish resolves once its event is applied, alone in its transaction.
    const alone = await statementsOf(async () => {
      for (const e of [...before(single), ...batch(single)]) await transport().publish([message(e)]);
    });
    for (const e of before(batched)) await transport().publish([message(e)]);
    // Together: one publish, the group's one lane, one batch.
    const together = await statementsOf(() => transport().publish(batch(batched).map(message)));

    const expected = await stored(single);
    expect(expected).toEqual({
      copies: [
        expect.objectContaining({
          number: 'CS-2026-000001',
          title: '厂区门口道路破损',
          enterprise_name: '六枝机械厂',
          lead_department_id: DEP.transport,
          co_handler_department_ids: [DEP.urban],
          status: 'in_progress',
          source_version: 3,
        }),
        expect.objectContaining({
          title: '增值税留抵退税',
          lead_department_id: DEP.tax,
          status: 'in_progress',
          source_version: 3,
        }),
        expect.objectContaining({
          title: null,
          enterprise_name: null,
          lead_department_id: DEP.hrss,
          co_handler_department_ids: [DEP.tax],
          status: 'in_progress',
          source_version: 5,
        }),
      ],
      candidates: [{ ticket_id: '<ticket 1>', reason: 'supervision', note: '提交联席会议' }],
    });
    expect(await stored(batched)).toEqual(expected);

    // The batch went through the inbox as one: one insert of its inbox rows, one of its copies.
    expect(touching(together, /INSERT INTO "meeting"\.inbox/)).toHaveLength(1);
    expect(touching(together, /INSERT INTO meeting\.ticket_copies/)).toHaveLength(1);
    // One by one, each event paid for its own.
    expect(touching(alone, /INSERT INTO meeting\.ticket_copies/)).toHaveLength(
      before(single).length + batch(single).length,
    );
  });
});
