import { DispatchEvents, SlaEvents, Topics } from '@ticketing/contracts';
import { DEP, startTicketKit, TicketKit, UserKey } from './ticket-test-kit';

/**
 * The ticket list filtered as the committee's drill-downs need it: by department (lead or
 * co-handler), by card (红牌: a clock past its deadline; 黄牌: one close and none past), by the
 * day it was submitted (Beijing time), together with the caller's own scope.
 */
describe('ticket list filters: department, card, submission days', () => {
  let kit: TicketKit;
  const ids: Record<string, string> = {};

  const decided = (ticketId: string, lead: string, co: string[] = []) =>
    kit.publish(Topics.Dispatch, DispatchEvents.decided, ticketId, {
      ticketId,
      leadDepartmentId: lead,
      coHandlerDepartmentIds: co,
      via: 'rule',
      ruleId: 'rule-utilities',
      ruleVersion: 1,
      explanation: '按分派规则「水电气暖」（第1版）分派：类别「水电气暖」符合',
    });
  const card = (ticketId: string, kind: string, level: 'yellow' | 'red', departmentId: string) =>
    level === 'yellow'
      ? kit.publish(Topics.Sla, SlaEvents.warning, ticketId, {
          ticketId,
          timerId: `${ticketId}-${kind}`,
          kind,
          departmentId,
          dueAt: new Date(Date.now() + 3600_000).toISOString(),
          level,
          threshold: '80%',
        })
      : kit.publish(Topics.Sla, SlaEvents.breached, ticketId, {
          ticketId,
          timerId: `${ticketId}-${kind}`,
          kind,
          departmentId,
          dueAt: new Date(Date.now() - 3600_000).toISOString(),
          level,
        });
  const list = async (query: string, as: UserKey = 'committee') => {
    const r = await kit.api('GET', `/api/v1/tickets?limit=100&${query}`, as);
    expect([query, r.status]).toEqual([query, 200]);
    const names = Object.fromEntries(Object.entries(ids).map(([k, v]) => [v, k]));
    return (r.body.items as { id: string }[]).map((i) => names[i.id] ?? i.id).sort();
  };

  beforeAll(async () => {
    kit = await startTicketKit();
    for (const name of ['joint', 'late', 'both', 'waiting']) {
      const r = await kit.submit('entA');
      if (r.status !== 201) throw new Error(`submit: ${r.status} ${JSON.stringify(r.body)}`);
      ids[name] = r.body.id;
    }
    await decided(ids.joint, DEP.tax, [DEP.miit]); // tax leads, miit co-handles; its response is close
    await decided(ids.late, DEP.hrss); // its resolution is past due
    await decided(ids.both, DEP.tax); // one clock close, another past: red
    await card(ids.joint, 'respond', 'yellow', DEP.tax);
    await card(ids.late, 'resolve', 'red', DEP.hrss);
    await card(ids.both, 'respond', 'yellow', DEP.tax);
    await card(ids.both, 'resolve', 'red', DEP.tax);
    // Submitted on 1 April at 00:30 and on 31 March at 23:59, Beijing time.
    await kit.pg.query(`UPDATE ticket.tickets SET submitted_at = $2 WHERE id = $1`, [
      ids.late,
      '2026-03-31T16:30:00Z',
    ]);
    await kit.pg.query(`UPDATE ticket.tickets SET submitted_at = $2 WHERE id = $1`, [
      ids.both,
      '2026-03-31T15:59:00Z',
    ]);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('by department: the tickets it leads and those it co-handles', async () => {
    expect(await list(`departmentId=${DEP.tax}`)).toEqual(['both', 'joint']);
    expect(await list(`departmentId=${DEP.miit}`)).toEqual(['joint']);
    expect(await list(`departmentId=${DEP.hrss}`)).toEqual(['late']);
    expect(await list(`departmentId=${DEP.transport}`)).toEqual([]);
  });

  it('by card: red when any clock is past, yellow when one is close and none past, as each row shows it', async () => {
    expect(await list('flag=red')).toEqual(['both', 'late']);
    expect(await list('flag=yellow')).toEqual(['joint']);
    const rows = (await kit.api('GET', '/api/v1/tickets?limit=100&flag=red', 'committee')).body.items;
    expect(rows.map((r: { flag: string }) => r.flag)).toEqual(['red', 'red']);
    expect(await list(`flag=red&departmentId=${DEP.tax}`)).toEqual(['both']);
  });

  it('by the day submitted, in Beijing time, both ends included', async () => {
    expect(await list('submittedFrom=2026-04-01&submittedTo=2026-04-01')).toEqual(['late']);
    expect(await list('submittedTo=2026-03-31')).toEqual(['both']);
    expect(await list('submittedFrom=2026-03-31&submittedTo=2026-04-01')).toEqual(['both', 'late']);
    const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
    expect(await list(`submittedFrom=${today}`)).toEqual(['joint', 'waiting']);
  });

  it('within the caller’s own scope: a department never sees another’s tickets by naming it', async () => {
    expect(await list(`departmentId=${DEP.hrss}`, 'depOther')).toEqual([]);
    expect(await list('flag=red', 'depOther')).toEqual(['both']);
    expect(await list('flag=red', 'entB')).toEqual([]);
  });

  it.each([
    ['flag=green', 'flag'],
    ['submittedFrom=2026-02-30', 'submittedFrom'],
    ['submittedFrom=1.4.2026', 'submittedFrom'],
    ['submittedTo=2026-04-01T00:00:00Z', 'submittedTo'],
    ['submittedFrom=2026-04-02&submittedTo=2026-04-01', 'submittedTo'],
    [`departmentId=${'x'.repeat(101)}`, 'departmentId'],
  ])('refuses %s with a 400 naming %s', async (query, field) => {
    const r = await kit.api('GET', `/api/v1/tickets?${query}`, 'committee');
    expect([
      r.status,
      r.headers.get('content-type'),
      r.body.errors?.map((e: { field: string }) => e.field),
    ]).toEqual([400, expect.stringContaining('problem+json'), [field]]);
  });
});
