/**
 * The SLA's clocks on the ticket's queue row (ticket.ticket_deadlines): an event alone is one
 * statement, a delivered batch one statement per round (one event per ticket, a part per change of
 * a clock), each also checking that the ticket is one this service holds; a clock's events for a
 * ticket it does not hold are applied as nothing (no row, no failure that would dead-letter them).
 */
import { randomUUID } from 'node:crypto';
import { createEnvelope, SlaEvents, Topics } from '@ticketing/contracts';
import { statementsOf } from '@ticketing/testing';
import { DEP, routedTicket, startTicketKit, TicketKit } from './ticket-test-kit';

describe('ticket deadlines: one statement per clock event, or per round of a batch', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const clock = (ticketId: string, kind: string, dueAt: string) => ({
    ticketId,
    timerId: `${ticketId}-${kind}`,
    kind,
    departmentId: DEP.hrss,
    dueAt,
  });
  const deadlineSet = (ticketId: string, dueAt: string) =>
    kit.publish(Topics.Sla, SlaEvents.deadlineSet, ticketId, {
      ...clock(ticketId, 'respond', dueAt),
      policyId: 'p1',
      policyVersion: 1,
      reason: 'opened',
    });
  const toDeadlines = (sql: string[]) => sql.filter((q) => /ticket\.ticket_deadlines/.test(q));
  const readsOfTickets = (sql: string[]) => sql.filter((q) => /^SELECT .* FROM ticket\.tickets\b/s.test(q));

  it('writes a deadline, a warning and a pause with one statement each, reading nothing first', async () => {
    const id = await routedTicket(kit, {}, 'entA', DEP.hrss, []);
    const due = new Date(Date.now() + 4 * 3600_000).toISOString();
    const sql = await statementsOf(async () => {
      await deadlineSet(id, due);
      await kit.publish(Topics.Sla, SlaEvents.warning, id, {
        ...clock(id, 'respond', due),
        level: 'yellow',
        threshold: '80%',
      });
      await kit.publish(Topics.Sla, SlaEvents.timerPaused, id, {
        ...clock(id, 'respond', due),
        pausedAt: new Date().toISOString(),
        reason: 'extension_pending',
      });
    });
    expect(toDeadlines(sql)).toHaveLength(3);
    expect(readsOfTickets(sql)).toEqual([]);
    const { rows } = await kit.pg.query(
      `SELECT respond_due_at, flags, paused FROM ticket.ticket_deadlines WHERE ticket_id = $1`,
      [id],
    );
    expect(rows).toEqual([
      {
        respond_due_at: new Date(due),
        flags: { respond: 'yellow' },
        paused: { respond: 'extension_pending' },
      },
    ]);
  });

  it("applies a delivered batch in rounds, a statement per round, each ticket's events in order, once", async () => {
    const [a, b, c] = [
      await routedTicket(kit, {}, 'entA', DEP.hrss, []),
      await routedTicket(kit, {}, 'entA', DEP.hrss, []),
      await routedTicket(kit, {}, 'entA', DEP.hrss, []),
    ];
    const stranger = randomUUID();
    const due = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
    const event = (type: string, ticketId: string, payload: Record<string, unknown>) =>
      createEnvelope({
        type,
        aggregateId: ticketId,
        aggregateVersion: 1,
        actor: { id: 'system', role: 'system' },
        payload: { ...clock(ticketId, 'resolve', payload.dueAt as string), ...payload },
      });
    const opened = { policyId: 'p1', policyVersion: 1, reason: 'opened' };
    const envelopes = [
      event(SlaEvents.deadlineSet, a, { ...opened, dueAt: due(4) }),
      event(SlaEvents.deadlineSet, b, { ...opened, dueAt: due(5) }),
      event(SlaEvents.deadlineSet, c, { ...opened, dueAt: due(6) }),
      event(SlaEvents.deadlineSet, stranger, { ...opened, dueAt: due(7) }),
      // Each ticket's second event: a's clock stops after it was set, b's pauses.
      event(SlaEvents.timerStopped, a, {
        dueAt: due(4),
        stoppedAt: new Date().toISOString(),
        breached: false,
        workingMinutesUsed: 30,
        outcome: 'met',
      }),
      event(SlaEvents.timerPaused, b, {
        dueAt: due(5),
        pausedAt: new Date().toISOString(),
        reason: 'awaiting_enterprise',
      }),
    ];
    // One batch of six: two rounds.
    const sql = await statementsOf(() => kit.publishTogether(Topics.Sla, envelopes));
    // Round 1: the sets; round 2: a's stop and b's pause, one statement of two parts (writeBehind).
    expect(toDeadlines(sql)).toHaveLength(2);
    const { rows } = await kit.pg.query(
      `SELECT d.ticket_id, d.resolve_due_at, d.paused, s.clock_resolve_due_at
         FROM ticket.ticket_deadlines d JOIN ticket.ticket_search s ON s.id = d.ticket_id
        WHERE d.ticket_id = ANY($1) ORDER BY d.resolve_due_at NULLS FIRST`,
      [[a, b, c, stranger]],
    );
    expect(rows).toEqual([
      { ticket_id: a, resolve_due_at: null, paused: {}, clock_resolve_due_at: null },
      {
        ticket_id: b,
        resolve_due_at: new Date(envelopes[1].payload.dueAt as string),
        paused: { resolve: 'awaiting_enterprise' },
        clock_resolve_due_at: new Date(envelopes[1].payload.dueAt as string),
      },
      {
        ticket_id: c,
        resolve_due_at: new Date(envelopes[2].payload.dueAt as string),
        paused: {},
        clock_resolve_due_at: new Date(envelopes[2].payload.dueAt as string),
      },
    ]);
    // Delivered again: the inbox knows every event, and nothing is written.
    const again = await statementsOf(() => kit.publishTogether(Topics.Sla, envelopes));
    expect(toDeadlines(again)).toEqual([]);
  });

  it('applies the clocks of a ticket it does not hold as nothing', async () => {
    const stranger = randomUUID();
    const before = await kit.count('ticket_deadlines');
    const applied = async () =>
      (await kit.pg.query(`SELECT count(*)::int AS n FROM ticket.inbox WHERE event_type LIKE 'sla.%'`))
        .rows[0].n;
    const appliedBefore = await applied();
    await deadlineSet(stranger, new Date(Date.now() + 3600_000).toISOString());
    await kit.publish(Topics.Sla, SlaEvents.breached, stranger, {
      ...clock(stranger, 'respond', new Date().toISOString()),
      level: 'red',
    });
    expect(await kit.count('ticket_deadlines')).toBe(before);
    // Applied, not failed: the inbox holds both events.
    expect(await applied()).toBe(appliedBefore + 2);
  });
});
