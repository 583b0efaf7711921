/**
 * The ticket copy on real PostgreSQL, through the service's transport: a delivered batch of ticket
 * events (several tickets, several events each, one of them late) is ONE statement on
 * outreach.ticket_copies, and leaves exactly the rows the same events leave one by one; the visit
 * link of a ticket.submitted in the batch runs under that event's own correlation id.
 */
import { Actor, createEnvelope, EventEnvelope, newId, TicketEvents, Topics } from '@ticketing/contracts';
import {
  beijing,
  ENT,
  GRID,
  Json,
  OutreachKit,
  startOutreachKit,
  USERS,
  zoneMonth,
} from './outreach-test-kit';

const SYSTEM: Actor = { id: 'system', role: 'system' };
const INSTRUCTOR: Actor = { id: USERS.insLi.id, role: 'instructor' };
const DEP_A = 'dep-a';
const DEP_B = 'dep-b';

/** The tickets of one story, by role. */
interface Story {
  visited: string; // submitted from a visit: assigned, resolved, rated, reopened, assigned again
  rated: string; // closed with the enterprise's feedback
  withdrawn: string;
}

const base = (ticketId: string, number: string) => ({
  ticketId,
  number,
  enterpriseId: ENT.jx,
  category: 'labour',
  urgency: 'normal',
  gridId: GRID.east,
  leadDepartmentId: null as string | null,
  coHandlerDepartmentIds: [] as string[],
});

function event(
  type: string,
  ticketId: string,
  aggregateVersion: number,
  payload: Record<string, unknown>,
  actor: Actor = SYSTEM,
): EventEnvelope<unknown> {
  // Each event its own correlation id (createEnvelope's default: its own id), as each request's would be.
  return createEnvelope({ type, aggregateId: ticketId, aggregateVersion, actor, payload });
}

const submitted = (ticketId: string, number: string, visit: { id: string; index: number } | null) =>
  event(
    TicketEvents.submitted,
    ticketId,
    1,
    {
      ...base(ticketId, number),
      status: 'submitted',
      enterpriseName: '六枝机械厂',
      submittedBy: visit
        ? { id: USERS.insLi.id, role: 'instructor' }
        : { id: USERS.entJx.id, role: 'enterprise' },
      title: '急需焊工',
      description: '焊工缺口约 20 人',
      location: null,
      contact: { name: '王经理', phone: '13800138000' },
      attachments: [],
      submittedAt: new Date().toISOString(),
      ...(visit
        ? { channel: 'visit', visitId: visit.id, visitProblemIndex: visit.index }
        : { channel: 'web' }),
    },
    visit ? INSTRUCTOR : SYSTEM,
  );

const assigned = (ticketId: string, number: string, version: number, lead: string, co: string[] = []) =>
  event(TicketEvents.assigned, ticketId, version, {
    ...base(ticketId, number),
    status: 'assigned',
    leadDepartmentId: lead,
    coHandlerDepartmentIds: co,
    via: 'rule',
    ruleId: null,
    previousLeadDepartmentId: null,
    firstHandlerDepartmentId: lead,
  });

const reason = (
  type: string,
  status: string,
  ticketId: string,
  number: string,
  version: number,
  lead: string | null,
) =>
  event(type, ticketId, version, {
    ...base(ticketId, number),
    status,
    leadDepartmentId: lead,
    departmentId: lead,
    reason: '说明',
  });

const resolved = (ticketId: string, number: string, version: number, lead: string) =>
  event(TicketEvents.resolved, ticketId, version, {
    ...base(ticketId, number),
    status: 'resolved',
    leadDepartmentId: lead,
    departmentId: lead,
    result: '已办结',
    evidence: [],
  });

const feedback = (
  ticketId: string,
  number: string,
  version: number,
  lead: string,
  solved: boolean,
  satisfaction: string,
) =>
  event(TicketEvents.feedbackGiven, ticketId, version, {
    ...base(ticketId, number),
    status: 'resolved',
    leadDepartmentId: lead,
    contacted: true,
    solved,
    satisfaction,
    comment: null,
  });

const reopened = (ticketId: string, number: string, version: number, lead: string) =>
  event(TicketEvents.reopened, ticketId, version, {
    ...base(ticketId, number),
    status: 'reopened',
    leadDepartmentId: lead,
    reason: '没有解决',
    reopenCount: 1,
  });

const closed = (ticketId: string, number: string, version: number, lead: string, co: string[] = []) =>
  event(TicketEvents.closed, ticketId, version, {
    ...base(ticketId, number),
    status: 'closed',
    leadDepartmentId: lead,
    coHandlerDepartmentIds: co,
    outcome: 'feedback',
    solved: false,
    satisfaction: 'unsatisfied',
  });

/** One story's events in delivery order, tickets interleaved, with a late (older) event of each ticket. */
function storyEvents(s: Story, visit: { id: string; index: number }): EventEnvelope<unknown>[] {
  return [
    submitted(s.rated, 'CS-2026-000002', null),
    submitted(s.visited, 'CS-2026-000001', visit), // not first: its link runs under its own correlation id
    assigned(s.visited, 'CS-2026-000001', 2, DEP_A),
    submitted(s.withdrawn, 'CS-2026-000003', null),
    assigned(s.rated, 'CS-2026-000002', 2, DEP_B, [DEP_A]),
    resolved(s.visited, 'CS-2026-000001', 4, DEP_A),
    reason(TicketEvents.acknowledged, 'in_progress', s.visited, 'CS-2026-000001', 3, DEP_A), // late
    feedback(s.visited, 'CS-2026-000001', 5, DEP_A, true, 'satisfied'),
    reason(TicketEvents.withdrawn, 'withdrawn', s.withdrawn, 'CS-2026-000003', 2, null),
    closed(s.rated, 'CS-2026-000002', 6, DEP_B, [DEP_A, 'dep-c']),
    reopened(s.visited, 'CS-2026-000001', 6, DEP_A),
    feedback(s.rated, 'CS-2026-000002', 4, DEP_B, true, 'satisfied'), // late: the close said otherwise
    assigned(s.visited, 'CS-2026-000001', 7, DEP_B),
  ];
}

const message = (e: EventEnvelope<unknown>) => ({
  topic: Topics.Ticket,
  key: e.aggregateId,
  value: JSON.stringify(e),
});

describe('the ticket copy: a delivered batch is one statement, with the effect of its events one by one', () => {
  let kit: OutreachKit;
  let visitId: string;
  const batch: Story = { visited: newId(), rated: newId(), withdrawn: newId() };
  const single: Story = { visited: newId(), rated: newId(), withdrawn: newId() };
  const batchEvents: EventEnvelope<unknown>[] = [];
  const singleEvents: EventEnvelope<unknown>[] = [];

  /** INSERT statements run on outreach.ticket_copies so far (committed or not: a sequence does not roll back). */
  const copyInserts = async (): Promise<number> =>
    Number(
      (
        await kit.pg.query(
          `SELECT CASE WHEN is_called THEN last_value ELSE 0 END AS n FROM public.copy_inserts`,
        )
      ).rows[0].n,
    );
  const copies = async (ids: string[]): Promise<Json[]> =>
    (
      await kit.pg.query(
        `SELECT ticket_id, number, enterprise_id, grid_id, lead_department_id, co_handler_department_ids, status,
           visit_id, visit_problem_index, solved, satisfaction, closed_at, source_version
         FROM outreach.ticket_copies WHERE ticket_id = ANY($1::uuid[]) ORDER BY array_position($1::uuid[], ticket_id)`,
        [ids],
      )
    ).rows;
  const ids = (s: Story) => [s.visited, s.rated, s.withdrawn];
  /** A row without what differs between the two stories by construction. */
  // The twin stories' events are built moments apart: their closing times differ by the build's
  // milliseconds, so only whether a copy is closed is compared.
  const comparable = (rows: Json[]) =>
    rows.map(({ ticket_id: _id, visit_problem_index: _index, closed_at, ...rest }: Json) => ({
      ...rest,
      closed: closed_at !== null,
    }));

  beforeAll(async () => {
    kit = await startOutreachKit();
    // A statement-level trigger counts statements, not rows: one per INSERT … ON CONFLICT, however many rows.
    await kit.pg.query(`
      CREATE SEQUENCE public.copy_inserts;
      CREATE FUNCTION public.count_copy_insert() RETURNS trigger LANGUAGE plpgsql AS $$
        BEGIN PERFORM nextval('public.copy_inserts'); RETURN NULL; END $$;
      CREATE TRIGGER count_copy_insert AFTER INSERT ON outreach.ticket_copies
        FOR EACH STATEMENT EXECUTE FUNCTION public.count_copy_insert();`);
    const visit = await kit.api(
      'POST',
      '/api/v1/outreach/visits',
      'insLi',
      {
        enterpriseId: ENT.jx,
        visitedAt: beijing(zoneMonth(-1), 3),
        mode: 'on_site',
        problems: [0, 1].map((n) => ({
          title: `问题 ${n}`,
          description: '说明',
          category: 'labour',
          contact: { name: '王经理', phone: '13800138000' },
        })),
      },
      { 'idempotency-key': 'ticket-copies-visit' },
    );
    expect(visit.status).toBe(201);
    visitId = visit.body.id;
    batchEvents.push(...storyEvents(batch, { id: visitId, index: 0 }));
    singleEvents.push(...storyEvents(single, { id: visitId, index: 1 }));
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('one publish of the whole story: one INSERT for every ticket and event of it', async () => {
    const before = await copyInserts();
    // The local transport resolves once the (serial, lingering) group applied them: one lane, one batch.
    await kit.transport.publish(batchEvents.map(message));
    expect((await copyInserts()) - before).toBe(1);
  });

  it('the same story one event at a time: one INSERT each, and the very same rows', async () => {
    const before = await copyInserts();
    for (const e of singleEvents) await kit.transport.publish([message(e)]);
    expect((await copyInserts()) - before).toBe(singleEvents.length);
    expect(comparable(await copies(ids(batch)))).toEqual(comparable(await copies(ids(single))));
  });

  it('the rows are what the events say, newest version winning, the late events changing nothing', async () => {
    const [visited, rated, withdrawn] = await copies(ids(batch));
    expect(visited).toMatchObject({
      number: 'CS-2026-000001',
      status: 'assigned',
      lead_department_id: DEP_B,
      visit_id: visitId,
      visit_problem_index: 0,
      solved: null, // rated, then reopened: cleared
      satisfaction: null,
      closed_at: null,
      source_version: 7,
    });
    expect(rated).toMatchObject({
      status: 'closed',
      lead_department_id: DEP_B,
      co_handler_department_ids: [DEP_A, 'dep-c'], // the newest event's scope
      visit_id: null,
      solved: false, // the close's say, not the late feedback's
      satisfaction: 'unsatisfied',
      closed_at: expect.any(Date),
      source_version: 6,
    });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', closed_at: expect.any(Date), source_version: 2 });
    const [singleVisited] = await copies(ids(single));
    expect(singleVisited).toMatchObject({ visit_id: visitId, visit_problem_index: 1 });
  });

  it('a later batch: what its events older than the copy said does not count, its newer ones do', async () => {
    const later = (s: Story) => [
      feedback(s.visited, 'CS-2026-000001', 6, DEP_B, true, 'satisfied'), // not newer than the copy's 7
      assigned(s.visited, 'CS-2026-000001', 8, DEP_A),
      reopened(s.rated, 'CS-2026-000002', 7, DEP_B),
      closed(s.withdrawn, 'CS-2026-000003', 2, DEP_B), // not newer than the copy's 2
    ];
    const before = await copyInserts();
    await kit.transport.publish(later(batch).map(message));
    expect((await copyInserts()) - before).toBe(1);
    for (const e of later(single)) await kit.transport.publish([message(e)]);

    const [visited, rated, withdrawn] = await copies(ids(batch));
    expect(visited).toMatchObject({
      status: 'assigned',
      lead_department_id: DEP_A,
      solved: null,
      source_version: 8,
    });
    expect(rated).toMatchObject({ status: 'reopened', solved: null, satisfaction: null, source_version: 7 });
    expect(withdrawn).toMatchObject({ status: 'withdrawn', solved: null, source_version: 2 });
    expect(comparable(await copies(ids(batch)))).toEqual(comparable(await copies(ids(single))));
  });

  it('each visit link is written under its own ticket.submitted’s correlation id, caused by it', async () => {
    const links: Json[] = (
      await kit.pg.query(
        `SELECT envelope FROM outreach.outbox WHERE type = 'outreach.visit-linked' AND key = $1 ORDER BY seq`,
        [visitId],
      )
    ).rows.map((r: Json) => r.envelope);
    const submittedOf = (events: EventEnvelope<unknown>[], ticketId: string) =>
      events.find((e) => e.type === TicketEvents.submitted && e.aggregateId === ticketId)!;
    const fromBatch = submittedOf(batchEvents, batch.visited);
    const fromSingle = submittedOf(singleEvents, single.visited);
    // In the batch the link's event is not the first one, whose correlation id the batch runs under.
    expect(batchEvents[0].correlationId).not.toBe(fromBatch.correlationId);
    expect(
      links.map((l) => [l.payload.ticketId, l.payload.problemIndex, l.correlationId, l.causationId]),
    ).toEqual([
      [batch.visited, 0, fromBatch.correlationId, fromBatch.id],
      [single.visited, 1, fromSingle.correlationId, fromSingle.id],
    ]);
    // The visit shows its problems' tickets from the copy.
    const visit = await kit.api('GET', `/api/v1/outreach/visits/${visitId}`, 'insLi');
    expect(visit.status).toBe(200);
    expect(visit.body.problems.map((p: Json) => p.ticket?.id)).toEqual([batch.visited, single.visited]);
  });
});
