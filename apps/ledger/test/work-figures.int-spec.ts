import { AuthUser } from '@ticketing/auth';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { Client } from 'pg';
import { api, DEP_A, deliver, snapshot, startLedger, users } from './ledger-test-kit';
import { MONTH, rateFixtures } from './rate-fixtures';
import {
  APRIL,
  aprilFixtures,
  EXPECTED_INSTRUCTORS,
  INS,
  meetingFixtures,
  outreachFixtures,
  WORK_MONTH,
} from './work-fixtures';

const li: AuthUser = { id: INS.li, role: 'instructor', name: '李指导员', gridIds: ['grid-east'] };
const wang: AuthUser = { id: INS.wang, role: 'instructor', name: '王指导员', gridIds: ['grid-west'] };

/**
 * The figures of issues 14–16 against numbers worked out by hand (work-fixtures.ts): instructor
 * scores against outreach's own plan against done, joint-meeting counts, channels, callbacks, merged
 * duplicates counted once, handlers, the committee's triage timeliness; then the whole read model
 * rebuilt from the chain gives every one of them again.
 */
describe('ledger: instructors, meetings, channels, callbacks, merges, handlers, triage', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let c: Client;
  const get = async (path: string, user: Parameters<typeof api>[3] = users.committee) => {
    const r = await api(running, 'GET', path, user);
    expect([path, r.status]).toEqual([path, 200]);
    return r.body;
  };

  beforeAll(async () => {
    db = await createTestDatabase('ledger_work');
    running = await startLedger(db.url);
    c = new Client({ connectionString: db.url });
    await c.connect();
    await deliver(running, [
      ...rateFixtures(),
      ...outreachFixtures(),
      ...meetingFixtures(),
      ...aprilFixtures(),
    ]);
  });

  afterAll(async () => {
    await c?.end();
    await running?.close();
    await db?.drop();
  });

  it('instructor figures agree with outreach’s plan against done, and the score follows the published formula', async () => {
    const r = await get(`/api/v1/ledger/instructors/ranking?period=${WORK_MONTH}`);
    const { liPoints, liScore, li: liExpected, wang: wangExpected } = EXPECTED_INSTRUCTORS;
    expect(
      r.rows.map((x: { instructorUserId: string; rank: number }) => [x.rank, x.instructorUserId]),
    ).toEqual([
      [1, INS.li],
      [2, INS.wang],
    ]);
    expect(r.rows[0]).toMatchObject({
      name: '李指导员',
      score: liScore,
      points: liPoints,
      figures: liExpected,
    });
    expect(r.rows[1]).toMatchObject({ name: '王指导员', score: 0, figures: wangExpected });
    expect(r.formula.zh).toContain('走访完成率 × 40');
    // A quarter sums its months: here only March has work.
    const q = await get('/api/v1/ledger/instructors/ranking?period=2026-Q1', li);
    expect(q.rows[0]).toMatchObject({ instructorUserId: INS.li, score: liScore });
    expect(q.months).toEqual(['2026-01', '2026-02', '2026-03']);
    const defs = await get('/api/v1/ledger/figures/definitions', li);
    expect(defs.instructors.weights).toEqual({
      plan: 40,
      problems: 2,
      solved: 3,
      satisfaction: 20,
      activities: 2,
    });
  });

  it('explains an instructor’s numbers by the visits and tickets behind them; another instructor’s is not found', async () => {
    const e = await get(`/api/v1/ledger/instructors/${INS.li}/figures?period=${WORK_MONTH}`, li);
    expect(e).toMatchObject({ rank: 1, of: 2, score: EXPECTED_INSTRUCTORS.liScore });
    const [march] = e.months;
    expect(
      march.plan.map((p: { enterpriseName: string; visited: boolean }) => [p.enterpriseName, p.visited]),
    ).toEqual([
      ['六枝机械厂', true],
      ['恒达建材', false],
      ['高新电子', false],
    ]);
    expect(march.visitedUnplanned).toEqual([{ enterpriseId: 'ent-sp', enterpriseName: '黔味食品' }]);
    expect(
      march.visits.map((v: { enterpriseName: string; problems: number }) => [v.enterpriseName, v.problems]),
    ).toEqual([
      ['六枝机械厂', 2],
      ['黔味食品', 1],
      ['六枝机械厂', 0],
    ]);
    expect(
      march.tickets.map((t: { ticketId: string; solved: boolean | null; satisfaction: string | null }) => [
        t.ticketId,
        t.solved,
        t.satisfaction,
      ]),
    ).toEqual([
      ['t-vl-000001', true, 'satisfied'],
      ['t-vl-000002', false, 'unsatisfied'],
      ['t-vl-000003', null, null],
    ]);
    expect(march.activities.map((a: { title: string }) => a.title)).toEqual(['组织园区党建联建活动']);
    const other = await api(
      running,
      'GET',
      `/api/v1/ledger/instructors/${INS.li}/figures?period=${WORK_MONTH}`,
      wang,
    );
    expect([other.status, other.headers.get('content-type')]).toEqual([
      404,
      expect.stringContaining('problem+json'),
    ]);
    expect((await get(`/api/v1/ledger/instructors/${INS.li}/figures?period=${WORK_MONTH}`)).name).toBe(
      '李指导员',
    );
  });

  it('visits per month for allowances: everyone’s for the committee, an instructor’s own', async () => {
    const all = await get('/api/v1/ledger/instructors/visits?year=2026');
    const liRow = all.rows.find((r: { instructorUserId: string }) => r.instructorUserId === INS.li);
    expect(liRow.visits[2]).toBe(3);
    expect(liRow.onSite[2]).toBe(1);
    expect(liRow.total).toBe(3);
    const own = await get('/api/v1/ledger/instructors/visits?year=2026', wang);
    expect(
      own.rows.map((r: { instructorUserId: string; total: number }) => [r.instructorUserId, r.total]),
    ).toEqual([[INS.wang, 1]]);
  });

  it('joint meetings on the overview: held, decided, solved, cooperations; a decision’s clock makes no ticket', async () => {
    const o = await get(`/api/v1/ledger/dashboard/overview?month=${MONTH}`);
    expect(o.meetings).toEqual({ held: 1, decided: 2, solved: 1, cooperations: 1 });
    const { rows } = await c.query(
      `SELECT count(*)::int AS n FROM ledger.ticket_facts WHERE ticket_id LIKE 'dec-%'`,
    );
    expect(rows[0].n).toBe(0);
    const d = await c.query(
      `SELECT decision_id, breached, progress, outcome FROM ledger.decisions ORDER BY decision_id`,
    );
    expect(d.rows).toEqual([
      { decision_id: 'dec-1', breached: null, progress: null, outcome: 'solved' },
      { decision_id: 'dec-2', breached: true, progress: 'in_progress', outcome: null },
    ]);
    expect((await get('/api/v1/ledger/dashboard/overview?month=2026-02')).meetings).toEqual({
      held: 0,
      decided: 0,
      solved: 0,
      cooperations: 0,
    });
  });

  it('April by hand: channels, feedback with callbacks, the merged duplicate counted once, triage timeliness', async () => {
    const [row] = (await get(`/api/v1/ledger/figures?from=${APRIL}&departmentId=${DEP_A}`)).rows;
    expect(row.counters).toMatchObject({
      received: 2, // t-ch-01, t-ch-02; the duplicate is t-ch-01's second copy
      receivedPhone: 1,
      receivedWalkIn: 1,
      receivedWeb: 0,
      assignments: 3, // the department signed for the duplicate too
      ackDue: 3,
      ackOnTime: 3,
      resolveDue: 1,
      resolvedOnTime: 1,
      replyDue: 1, // the duplicate's lapsed reply deadline is not a second reply due
      repliedOnTime: 1,
      feedback: 2, // t-ch-01 by callback, the duplicate by its own enterprise
      feedbackByCallback: 1,
      solved: 2,
      satisfied: 1,
      basicallySatisfied: 1,
      triageStopped: 2,
      triageOnTime: 1,
    });
    expect(row.rates).toEqual({
      responseRate: 1,
      onTimeResolutionRate: 1,
      replyRate: 1, // 1 ÷ 1, not 1 ÷ 2
      resolutionRate: 1,
      satisfactionRate: 0.95, // (1 + 0.9 × 1) ÷ 2
      transferRate: 0,
      reopenRate: 0,
    });
    const o = await get(`/api/v1/ledger/dashboard/overview?month=${APRIL}`);
    expect(o.committee).toEqual({ triageRate: 0.5 });
    const e = await get(`/api/v1/ledger/figures/explain?figure=triageRate&month=${APRIL}`);
    expect(e.numerator.parts[0].tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([
      't-ch-000001',
    ]);
    expect(e.denominator.tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual([
      't-ch-000001',
      't-ch-000002',
    ]);
    const replies = await get(`/api/v1/ledger/figures/explain?figure=replyRate&month=${APRIL}`);
    expect(replies.denominator.tickets.map((t: { ticketId: string }) => t.ticketId)).toEqual(['t-ch-000001']);
    const months = await get(`/api/v1/ledger/figures?from=${MONTH}&to=${APRIL}&groupBy=month`);
    expect(
      months.rows.map((r: { key: string; counters: Record<string, number> }) => [
        r.key,
        r.counters.receivedWeb,
        r.counters.receivedVisit,
        r.counters.receivedPhone,
      ]),
    ).toEqual([
      [MONTH, 10, 3, 0],
      [APRIL, 0, 0, 1],
    ]);
    const defs = await get('/api/v1/ledger/figures/definitions');
    expect(defs.attribution.zh).toContain('被合并到主诉求的重复诉求不再计为一次受理');
    expect(defs.committeeFigures[0]).toMatchObject({
      key: 'triageRate',
      numerator: ['triageOnTime'],
      denominator: 'triageStopped',
    });
  });

  it('a department by handler (承办人); another department’s handlers are refused', async () => {
    const h = await get(`/api/v1/ledger/figures/handlers?from=${APRIL}`, users.department(DEP_A));
    expect(
      h.rows.map((r: { handlerName: string; counters: Record<string, number> }) => [
        r.handlerName,
        r.counters.received,
        r.counters.feedback,
        r.counters.feedbackByCallback,
      ]),
    ).toEqual([
      ['未指定承办人', 0, 1, 0],
      ['王科员', 1, 1, 1],
      ['李科员', 1, 0, 0],
    ]);
    expect(h.rows[1].rates).toMatchObject({ responseRate: null, transferRate: null, resolutionRate: 1 });
    expect(
      (
        await api(
          running,
          'GET',
          `/api/v1/ledger/figures/handlers?departmentId=dep-b`,
          users.department(DEP_A),
        )
      ).status,
    ).toBe(403);
  });

  it('rebuilt from the chain, every new figure is the same as live', async () => {
    const figures = async () => ({
      ranking: await get(`/api/v1/ledger/instructors/ranking?period=2026`),
      explained: await get(`/api/v1/ledger/instructors/${INS.li}/figures?period=2026-Q1`),
      visits: await get('/api/v1/ledger/instructors/visits?year=2026'),
      march: await get(`/api/v1/ledger/dashboard/overview?month=${MONTH}`),
      april: await get(`/api/v1/ledger/figures?from=${MONTH}&to=${APRIL}&groupBy=month`),
      handlers: await get(`/api/v1/ledger/figures/handlers?from=${APRIL}&departmentId=${DEP_A}`),
      report: await get('/api/v1/ledger/reports/review?period=2026-Q2'),
    });
    const liveRows = await snapshot(c);
    const live = await figures();
    const rebuilt = await api(running, 'POST', '/api/v1/ledger/projections/rebuild', users.admin);
    expect(rebuilt.status).toBe(200);
    const after = await snapshot(c);
    for (const table of Object.keys(liveRows))
      expect([table, after[table]]).toEqual([table, liveRows[table]]);
    const again = await figures();
    delete (live.report as { generatedAt?: string }).generatedAt;
    delete (again.report as { generatedAt?: string }).generatedAt;
    expect(again).toEqual(live);
    expect(liveRows.visits).toHaveLength(4);
    expect(liveRows.decisions).toHaveLength(2);
  });
});
