import { RunningService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { api, DEP_A, DEP_B, DEP_C, deliver, startLedger, users } from './ledger-test-kit';
import { MONTH, rateFixtures } from './rate-fixtures';

/**
 * Every rate against numbers worked out by hand from rate-fixtures.ts (see the tally in each test).
 * A: t1 on time; t2 late ack and late resolution; t3 no feedback; t4 reopened; t5 transferred away
 * to B; t6 extended (resolved after the first deadline, before the extended one) and replied late;
 * t7 withdrawn; t8 joint with C; t9 open, yellow; t10 open, red, joint meeting.
 */
describe('ledger figures: rates against hand-computed fixtures', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  const get = async (path: string, user = users.committee) => {
    const r = await api(running, 'GET', path, user);
    expect(r.status).toBe(200);
    return r.body;
  };

  beforeAll(async () => {
    db = await createTestDatabase('ledger_figures');
    running = await startLedger(db.url);
    await deliver(running, rateFixtures());
  });

  afterAll(async () => {
    await running?.close();
    await db?.drop();
  });

  it('department A: every counter and rate', async () => {
    const body = await get(`/api/v1/ledger/figures?from=${MONTH}&departmentId=${DEP_A}`);
    const [row] = body.rows;
    expect(row.counters).toMatchObject({
      received: 9, // t1-t4, t6-t10 (t5 now led by B)
      withdrawn: 1, // t7
      assignments: 9, // stints of A, t7's excluded: t1-t4, t5 (first stint), t6, t8-t10
      ackDue: 9,
      ackOnTime: 8, // t2 acknowledged after its breach
      transfers: 1, // t5
      resolveDue: 7, // t1, t2, t3, t4, t6, t8 resolved; t10 breached; t9 not yet due
      resolvedOnTime: 5, // t2 late, t10 unresolved; t6 on time by its extension
      resolved: 6,
      replyDue: 6, // t1, t2, t3, t4, t6, t8
      repliedOnTime: 5, // t6 late
      feedback: 5, // t1, t2, t4 (latest), t6, t8; t3 none
      solved: 4, // t8 not solved
      satisfied: 3, // t1, t4, t6
      basicallySatisfied: 2, // t2, t8
      unsatisfied: 0, // t4's first verdict was replaced by its latest
      noFeedback: 1, // t3
      reopened: 1,
      reopens: 1,
      extended: 1,
      jointHandling: 1,
      jointMeeting: 1,
    });
    expect(row.rates).toEqual({
      responseRate: 0.8889, // 8 / 9
      onTimeResolutionRate: 0.7143, // 5 / 7
      replyRate: 0.8333, // 5 / 6
      resolutionRate: 0.8, // 4 / 5
      satisfactionRate: 0.96, // (3 + 0.9 × 2) / 5
      transferRate: 0.1111, // 1 / 9
      reopenRate: 0.1667, // 1 / 6
    });
  });

  it('department B (took t5 over by transfer) and C (co-handler only, counts nothing)', async () => {
    const body = await get(`/api/v1/ledger/figures?from=${MONTH}&groupBy=department`);
    const b = body.rows.find((r: { key: string }) => r.key === DEP_B);
    expect(b.name).toBe('工信局');
    expect(b.counters).toMatchObject({
      received: 1,
      assignments: 1,
      ackOnTime: 1,
      transfers: 0,
      resolvedOnTime: 1,
      feedback: 1,
      satisfied: 1,
    });
    expect(b.rates).toEqual({
      responseRate: 1,
      onTimeResolutionRate: 1,
      replyRate: 1,
      resolutionRate: 1,
      satisfactionRate: 1,
      transferRate: 0,
      reopenRate: 0,
    });
    expect(body.rows.find((r: { key: string }) => r.key === DEP_C)).toBeUndefined();
  });

  it('explains a figure by the tickets in its numerator and denominator', async () => {
    const body = await get(
      `/api/v1/ledger/figures/explain?figure=onTimeResolutionRate&month=${MONTH}&departmentId=${DEP_A}`,
    );
    const ids = (list: { ticketId: string }[]) => list.map((t) => t.ticketId.slice(-2)).sort();
    expect(body.value).toBe(0.7143);
    expect(ids(body.numerator.parts[0].tickets)).toEqual(['01', '03', '04', '06', '08']);
    expect(ids(body.denominator.tickets)).toEqual(['01', '02', '03', '04', '06', '08', '10']);
    expect(body.formulaZh).toContain('按时办结数');

    const sat = await get(
      `/api/v1/ledger/figures/explain?figure=satisfactionRate&month=${MONTH}&departmentId=${DEP_A}`,
    );
    expect(
      sat.numerator.parts.map((p: { counter: string; weight: number; count: number }) => [
        p.counter,
        p.weight,
        p.count,
      ]),
    ).toEqual([
      ['satisfied', 1, 3],
      ['basicallySatisfied', 0.9, 2],
    ]);
    expect(sat.numerator.value).toBeCloseTo(4.8);
    expect(sat.denominator.count).toBe(5);

    const resp = await get(
      `/api/v1/ledger/figures/explain?figure=responseRate&month=${MONTH}&departmentId=${DEP_A}`,
    );
    expect(
      resp.denominator.tickets.find((t: { ticketId: string }) => t.ticketId === 't-fix-02').facts
        .respondBreached,
    ).toBe(true);
    expect(ids(resp.denominator.tickets).length).toBe(9);
    expect(ids(resp.numerator.parts[0].tickets)).not.toContain('02');
  });

  it('every figure explained adds up to the figure shown', async () => {
    const defs = await get('/api/v1/ledger/figures/definitions', users.enterprise('ent-1'));
    const shown = (await get(`/api/v1/ledger/figures?from=${MONTH}&departmentId=${DEP_A}`)).rows[0].rates;
    for (const f of defs.figures) {
      const e = await get(
        `/api/v1/ledger/figures/explain?figure=${f.key}&month=${MONTH}&departmentId=${DEP_A}`,
      );
      expect([f.key, e.value]).toEqual([f.key, shown[f.key]]);
      expect(f.formulaEn.length).toBeGreaterThan(10);
    }
    expect(defs.satisfactionWeight).toBe(0.9);
    expect(defs.counters.find((c: { name: string }) => c.name === 'resolvedOnTime').sql).toContain(
      'resolved_at <= f.resolve_due_at',
    );
  });

  it('overview: totals, overdue cards now, backlog by age, ranking', async () => {
    const o = await get(`/api/v1/ledger/dashboard/overview?month=${MONTH}`);
    expect(o.totals.received).toBe(10);
    expect(o.now).toMatchObject({ open: 2, backlog: 2, yellow: 1, red: 1 });
    expect(o.now.backlogByAge.find((b: { key: string }) => b.key === 'gt30d').count).toBe(2);
    expect(o.ranking.map((r: { departmentId: string }) => r.departmentId)).toEqual([DEP_B, DEP_A]);
    expect(o.ranking[0]).toMatchObject({ rank: 1, name: '工信局' });
  });

  it('overdue list and joint-meeting agenda', async () => {
    const overdue = await get('/api/v1/ledger/dashboard/overdue');
    expect(
      overdue.items.map((t: { ticketId: string; alertLevel: string }) => [t.ticketId, t.alertLevel]),
    ).toEqual([
      ['t-fix-10', 'red'],
      ['t-fix-09', 'yellow'],
    ]);
    expect(overdue.items[0]).toMatchObject({
      departmentName: '人社局',
      resolveAlert: 'red',
      categoryName: '用工招聘',
      gridName: '第一网格',
    });
    const agenda = await get('/api/v1/ledger/dashboard/joint-meeting');
    expect(agenda.items.map((t: { ticketId: string }) => t.ticketId)).toEqual(['t-fix-10']);
    expect(agenda.items[0].jointMeetingReason).toContain('resolve');
  });

  it('lists the chain newest first, linked hash to hash, filtered by ticket and type, page by page', async () => {
    const all = await get('/api/v1/ledger/entries?limit=200');
    expect(all.items.length).toBeGreaterThan(20);
    expect(all.items[0].seq).toBe(all.headSeq);
    for (let i = 0; i + 1 < all.items.length; i++) {
      expect(all.items[i].seq).toBe(all.items[i + 1].seq + 1);
      expect(all.items[i].prevHash).toBe(all.items[i + 1].hash);
    }
    const first = await get('/api/v1/ledger/entries?limit=5');
    expect(first.items.map((e: { seq: number }) => e.seq)).toEqual(
      all.items.slice(0, 5).map((e: { seq: number }) => e.seq),
    );
    const second = await get(`/api/v1/ledger/entries?limit=5&before=${first.nextCursor}`);
    expect(second.items.map((e: { seq: number }) => e.seq)).toEqual(
      all.items.slice(5, 10).map((e: { seq: number }) => e.seq),
    );

    const one = await get('/api/v1/ledger/entries?ticketId=t-fix-05');
    expect(one.items.length).toBeGreaterThan(2);
    expect(new Set(one.items.map((e: { ticketId: string }) => e.ticketId))).toEqual(new Set(['t-fix-05']));
    expect(one.items.map((e: { type: string }) => e.type)).toContain('dispatch.transfer-decided');
    expect(one.items[one.items.length - 1].type).toBe('ticket.submitted');
    expect(one.items[0].ticketNumber).toBe('CS-2026-fix-05');
    const submitted = await get('/api/v1/ledger/entries?type=ticket.submitted&limit=200');
    expect(submitted.items).toHaveLength(10);
    const nothing = await get('/api/v1/ledger/entries?number=CS-1999-000001');
    expect(nothing.items).toEqual([]);
  });

  it('a department sees its own drill-down, trends and ranking', async () => {
    const d = await get(
      `/api/v1/ledger/dashboard/departments/${DEP_A}?month=${MONTH}`,
      users.department(DEP_A),
    );
    expect(d.rates.onTimeResolutionRate).toBe(0.7143);
    expect(d.rank).toMatchObject({ rank: 2 });
    expect(d.overdue).toHaveLength(2);
    expect(d.byCategory[0]).toMatchObject({ category: 'labour', name: '用工招聘' });
    const t = await get(
      `/api/v1/ledger/dashboard/trends?granularity=month&periods=12`,
      users.department(DEP_A),
    );
    expect(t.points.find((p: { period: string }) => p.period === MONTH).counters.received).toBe(9);
    const w = await get(`/api/v1/ledger/dashboard/trends?granularity=week&periods=52`);
    expect(w.points.find((p: { period: string }) => p.period === '2026-03-02').counters.received).toBe(10);
    expect(
      (await get(`/api/v1/ledger/ranking?month=${MONTH}`, users.department(DEP_B))).rows[0].departmentId,
    ).toBe(DEP_B);
  });

  it('the enterprise file lists its tickets and outcomes', async () => {
    const f = await get('/api/v1/ledger/enterprises/ent-1/file', users.enterprise('ent-1'));
    expect(f.enterprise).toMatchObject({ name: '六枝宏达机械有限公司', gridName: '第一网格' });
    expect(f.tickets).toHaveLength(10);
    expect(f.summary).toEqual([
      { year: '2026', tickets: 10, resolved: 7, solved: 5, satisfied: 6, feedback: 6 },
    ]);
    expect(f.tickets.find((t: { ticketId: string }) => t.ticketId === 't-fix-04')).toMatchObject({
      reopenCount: 1,
      satisfaction: 'satisfied',
    });
  });
});
