/**
 * dispatch's decisions delivered together (one inbox batch per lane of the transport) lock their
 * tickets in one statement per batch (lockAhead, ADR 0021), not one per decision; each ticket is
 * still assigned as its own decision says, and a ticket decided twice in the batch is read anew for
 * its second decision: the first one's save assigned it, so the second finds it assigned and
 * changes nothing (a stale read would assign it again).
 */
import { createEnvelope, DispatchEvents, Topics } from '@ticketing/contracts';
import { statementsOf } from '@ticketing/testing';
import { DEP, detailOf, startTicketKit, TicketKit } from './ticket-test-kit';

describe('ticket: a batch of decisions locks its tickets in one statement', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const decision = (ticketId: string, lead: string) => ({
    topic: Topics.Dispatch,
    key: ticketId,
    value: JSON.stringify(
      createEnvelope({
        type: DispatchEvents.decided,
        aggregateId: ticketId,
        aggregateVersion: 1,
        actor: { id: 'system', role: 'system' },
        payload: {
          ticketId,
          leadDepartmentId: lead,
          coHandlerDepartmentIds: [],
          via: 'manual',
          ruleId: null,
          ruleVersion: null,
          explanation: 'desk',
        },
      }),
    ),
  });
  const locks = (sql: string[]) => sql.filter((q) => /FROM "ticket"\."tickets" t\s+WHERE t\.id\b/s.test(q));

  it('locks twelve decided tickets in at most one statement per lane', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) {
      const res = await kit.submit('entA', { title: `批量签收第${i + 1}件` });
      expect(res.status).toBe(201);
      ids.push(res.body.id);
    }
    const leads = ids.map((_, i) => (i % 2 ? DEP.hrss : DEP.miit));
    const sql = await statementsOf(() => kit.transport.publish(ids.map((id, i) => decision(id, leads[i]))));
    // The transport's four lanes each take their part as a batch: one lock statement each at most.
    expect(locks(sql).length).toBeGreaterThan(0);
    expect(locks(sql).length).toBeLessThanOrEqual(4);
    expect(locks(sql).every((q) => q.includes('ANY($1::uuid[]) ORDER BY t.id FOR UPDATE'))).toBe(true);
    for (const [i, id] of ids.entries())
      expect(await detailOf(kit, id)).toMatchObject({
        status: 'assigned',
        version: 2,
        leadDepartment: { id: leads[i] },
      });
  });

  it('reads a ticket anew for its second decision in the same batch', async () => {
    const res = await kit.submit('entA', { title: '两次分派' });
    const other = await kit.submit('entA', { title: '同批另一件' });
    const id: string = res.body.id;
    const sql = await statementsOf(() =>
      kit.transport.publish([
        decision(id, DEP.hrss),
        decision(other.body.id, DEP.hrss),
        decision(id, DEP.miit),
      ]),
    );
    // The batch's read, then the ticket's row read anew for its second decision; nothing failed
    // and was retried (a stale row would fail the save's version check and roll the batch back).
    expect(locks(sql).length).toBeGreaterThanOrEqual(2);
    expect(sql.filter((q) => /^ROLLBACK/i.test(q))).toEqual([]);
    expect(await detailOf(kit, id)).toMatchObject({
      status: 'assigned',
      version: 2,
      leadDepartment: { id: DEP.hrss },
    });
    expect(await detailOf(kit, other.body.id)).toMatchObject({ status: 'assigned', version: 2 });
    expect(await kit.outboxTypes(id)).toEqual(['ticket.submitted', 'ticket.assigned']);
  });
});
