import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually, sleep } from '@ticketing/testing';
import {
  api,
  assigned,
  deliver,
  firedEvents,
  secondsPolicy,
  sql,
  startSla,
  ticketId,
  users,
} from './sla-test-kit';

/** Every timer of these tests has exactly: one 50% warning, one breach, one urge. */
function expectEachOnce(rows: { timer_id: string; type: string; n: number }[], timers: string[]) {
  for (const id of timers) {
    const mine = rows.filter((r) => r.timer_id === id);
    expect(mine.map((r) => [r.type, r.n]).sort()).toEqual([
      ['sla.breached', 1],
      ['sla.escalated', 1],
      ['sla.warning', 1],
    ]);
  }
}

describe('sla firing: warnings, breaches and escalations fire once each', () => {
  let db: { url: string; drop: () => Promise<void> };
  const running: RunningService[] = [];

  beforeEach(async () => {
    db = await createTestDatabase('sla_fire');
  });
  afterEach(async () => {
    for (const r of running.splice(0)) await r.close().catch(() => undefined);
    await db.drop();
  });

  async function timersOf(tickets: string[]): Promise<string[]> {
    const rows = await sql<{ id: string }>(
      db.url,
      `SELECT id FROM sla.timers WHERE ticket_id = ANY($1) AND kind = 'respond'`,
      [tickets],
    );
    return rows.map((r) => r.id);
  }

  it('fires each step once, within a second of its moment', async () => {
    const a = await startSla(db.url);
    running.push(a);
    expect(
      (
        await api(
          a,
          'POST',
          '/api/v1/sla/policies',
          users.committee,
          secondsPolicy('technology', 'critical', 2, 1),
        )
      ).status,
    ).toBe(201);
    const tickets = Array.from({ length: 10 }, ticketId);
    await deliver(
      a,
      tickets.map((t) => assigned({ ticketId: t, category: 'technology', urgency: 'critical' })),
    );
    const timers = await timersOf(tickets);
    expect(timers).toHaveLength(10);

    await eventually(async () => (await firedEvents(db.url)).length === 30, 10000);
    await sleep(1500); // anything that would fire twice has had the time to
    expectEachOnce(await firedEvents(db.url), timers);
    const lags = await sql<{ lag: number }>(
      db.url,
      'SELECT extract(epoch FROM fired_at - fire_at)::float AS lag FROM sla.timer_firings WHERE timer_id = ANY($1)',
      [timers],
    );
    expect(lags).toHaveLength(30);
    for (const { lag } of lags) expect(lag).toBeLessThan(1);
    const breached = await sql(
      db.url,
      `SELECT 1 FROM sla.timers WHERE id = ANY($1) AND breached_at IS NOT NULL`,
      [timers],
    );
    expect(breached).toHaveLength(10);
  });

  it('fires what fell due while the service was down at once on restart, and nothing twice', async () => {
    const a = await startSla(db.url);
    expect(
      (
        await api(
          a,
          'POST',
          '/api/v1/sla/policies',
          users.committee,
          secondsPolicy('technology', 'critical', 3, 2),
        )
      ).status,
    ).toBe(201);
    const tickets = Array.from({ length: 5 }, ticketId);
    await deliver(
      a,
      tickets.map((t) => assigned({ ticketId: t, category: 'technology', urgency: 'critical' })),
    );
    const timers = await timersOf(tickets);
    // The 50% warnings (1.5 s) fire; then the service stops before the breaches (3 s) and urges (5 s).
    await eventually(async () => (await firedEvents(db.url)).length === 5, 5000);
    await a.close();
    const warningsBefore = await firedEvents(db.url);
    expect(warningsBefore.every((r) => r.type === 'sla.warning')).toBe(true);
    await sleep(4500);
    expect(await firedEvents(db.url)).toHaveLength(5); // nothing fires while down

    const restartedAt = Date.now();
    const b = await startSla(db.url);
    running.push(b);
    const readyAt = Date.now();
    await eventually(async () => (await firedEvents(db.url)).length === 15, 5000);
    const caughtUp = Date.now() - restartedAt;
    expect(caughtUp).toBeLessThan(5000);
    await sleep(1500);
    expectEachOnce(await firedEvents(db.url), timers);
    const late = await sql<{ late_after_start: number }>(
      db.url,
      `SELECT extract(epoch FROM fired_at)::float * 1000 - $2 AS late_after_start FROM sla.timer_firings
        WHERE timer_id = ANY($1) AND step <> 'warning:50%'`,
      [timers, readyAt],
    );
    expect(late).toHaveLength(10);
    // Overdue steps fire as the scheduler starts, before or just after the HTTP port opens.
    for (const { late_after_start } of late) expect(late_after_start).toBeLessThan(1000);
  });

  it('with two instances on one database, each step still fires exactly once', async () => {
    const a = await startSla(db.url);
    const b = await startSla(db.url);
    running.push(a, b);
    expect(
      (
        await api(
          a,
          'POST',
          '/api/v1/sla/policies',
          users.committee,
          secondsPolicy('technology', 'critical', 2, 1),
        )
      ).status,
    ).toBe(201);
    const viaA = Array.from({ length: 20 }, ticketId);
    const viaB = Array.from({ length: 20 }, ticketId);
    await Promise.all([
      deliver(
        a,
        viaA.map((t) => assigned({ ticketId: t, category: 'technology', urgency: 'critical' })),
      ),
      deliver(
        b,
        viaB.map((t) => assigned({ ticketId: t, category: 'technology', urgency: 'critical' })),
      ),
    ]);
    const timers = await timersOf([...viaA, ...viaB]);
    expect(timers).toHaveLength(40);
    await eventually(async () => (await firedEvents(db.url)).length === 120, 10000);
    await sleep(2000);
    expectEachOnce(await firedEvents(db.url), timers);
    const unfired = await sql(
      db.url,
      'SELECT 1 FROM sla.timer_firings WHERE fired_at IS NULL AND timer_id = ANY($1)',
      [timers],
    );
    expect(unfired).toHaveLength(0);
  });
});
