/**
 * The SLA's clocks on the ticket's queue row (ticket.ticket_deadlines): each event is one
 * statement, which also checks that the ticket is one this service holds; a clock's events for a
 * ticket it does not hold are applied as nothing (no row, no failure that would dead-letter them).
 */
import { randomUUID } from 'node:crypto';
import { SlaEvents, Topics } from '@ticketing/contracts';
import { statementsOf } from '@ticketing/testing';
import { DEP, routedTicket, startTicketKit, TicketKit } from './ticket-test-kit';

describe('ticket deadlines: one statement per clock event', () => {
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
