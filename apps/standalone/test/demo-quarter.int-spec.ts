/**
 * A first start with SEED_DEMO shows the product working: the standalone process replays a
 * quarter of demo tickets through the real API before it says it is ready. Checked here on a
 * fresh database: how many tickets, over which months, in which states; the committee's dashboard
 * with rates that are neither empty nor perfect; the ledger's chain verifying; a second start
 * adding nothing; SEED_DEMO=false seeding nothing.
 */
import { TokenService } from '@ticketing/auth';
import { createChinaWorkCalendar } from '@ticketing/calendar';
import { RunningService, startService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { Client } from 'pg';
import { DemoQuarterReport } from '../src/demo/demo-quarter.seeder';
import { standalone } from '../src/standalone';

const SECRET = 'd'.repeat(40);
const calendar = createChinaWorkCalendar();

interface TicketRow {
  id: string;
  status: string;
  channel: string;
  submittedAt: string;
}

describe('the demo quarter (SEED_DEMO on a first start)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService | undefined;
  let report: DemoQuarterReport | null = null;
  let seconds = 0;
  const dataDir = mkdtempSync('/var/tmp/chuishao-demo-');
  const env = () => ({
    DATABASE_URL: db.url,
    PORT: '0',
    JWT_SECRET: SECRET,
    DATA_DIR: dataDir,
    LOG_LEVEL: process.env.DEMO_LOG_LEVEL ?? 'warn',
  });
  let committee: string;

  const get = async <T>(path: string): Promise<T> => {
    const res = await fetch(running!.url + path, { headers: { authorization: `Bearer ${committee}` } });
    expect([path, res.status]).toEqual([path, 200]);
    return (await res.json()) as T;
  };
  const allTickets = async (): Promise<TicketRow[]> => {
    const rows: TicketRow[] = [];
    let cursor: string | null = null;
    do {
      const page: { items: TicketRow[]; nextCursor: string | null } = await get(
        `/api/v1/tickets?limit=100${cursor ? `&cursor=${cursor}` : ''}`,
      );
      rows.push(...page.items);
      cursor = page.nextCursor;
    } while (cursor);
    return rows;
  };

  beforeAll(async () => {
    execFileSync('chmod', ['755', dataDir]);
    db = await createTestDatabase('demo_quarter');
    const t0 = Date.now();
    running = await startService(standalone(env(), (r) => (report = r)));
    seconds = (Date.now() - t0) / 1000;
    const pg = new Client({ connectionString: db.url });
    await pg.connect();
    const { rows } = await pg.query(`SELECT id FROM identity.user_account WHERE username = 'committee'`);
    await pg.end();
    committee = new TokenService(SECRET).sign({ id: rows[0].id, role: 'committee', name: '综合党委' }).token;
    process.stdout.write(
      `[demo quarter] start to ready ${seconds.toFixed(1)} s; seeding ${report?.seconds} s: ${report?.tickets} tickets, ${report?.steps} steps, ${report?.rounds} moments, ${report?.skipped.length} steps not taken ${JSON.stringify(report?.skipped ?? [])}\n`,
    );
  }, 900_000);

  afterAll(async () => {
    await running?.close();
    await db?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('seeds about 150 tickets over three months, in every state, through every channel', async () => {
    expect(report).not.toBeNull();
    // Nearly every planned step was taken; the few that were not say why.
    expect({
      skipped: report!.skipped.slice(0, 5),
      share: report!.skipped.length / report!.steps < 0.03,
    }).toEqual({
      skipped: report!.skipped.slice(0, 5),
      share: true,
    });
    const tickets = await allTickets();
    expect(tickets.length).toBe(report!.tickets);
    expect(tickets.length).toBeGreaterThanOrEqual(130);
    const months = new Set(tickets.map((t) => calendar.localDate(new Date(t.submittedAt)).slice(0, 7)));
    expect(months.size).toBeGreaterThanOrEqual(3);
    const oldest = Math.min(...tickets.map((t) => Date.parse(t.submittedAt)));
    expect(Date.now() - oldest).toBeGreaterThan(80 * 24 * 3_600_000);
    const statuses = tickets.reduce<Record<string, number>>(
      (n, t) => ({ ...n, [t.status]: (n[t.status] ?? 0) + 1 }),
      {},
    );
    process.stdout.write(`[demo quarter] statuses ${JSON.stringify(statuses)}\n`);
    expect(statuses.closed).toBeGreaterThan(tickets.length / 2);
    for (const s of ['withdrawn', 'in_progress', 'resolved']) expect([s, statuses[s] > 0]).toEqual([s, true]);
    const open = tickets.length - statuses.closed - statuses.withdrawn;
    expect(open).toBeGreaterThanOrEqual(8);
    for (const c of ['web', 'visit', 'phone'])
      expect([c, tickets.some((t) => t.channel === c)]).toEqual([c, true]);
  });

  it('gives the dashboard a living month: rates measured, neither empty nor all perfect', async () => {
    const last = new Date();
    last.setUTCMonth(last.getUTCMonth() - 1);
    const month = calendar.localDate(last).slice(0, 7);
    const overview = await get<{
      totals: Record<string, number>;
      rates: Record<string, number | null>;
      ranking: unknown[];
    }>(`/api/v1/ledger/dashboard/overview?month=${month}`);
    process.stdout.write(`[demo quarter] ${month} rates ${JSON.stringify(overview.rates)}\n`);
    expect(overview.totals.received).toBeGreaterThan(20);
    const r = overview.rates;
    // Measured, mostly good, and honest: some were late, transferred or reopened.
    for (const k of [
      'responseRate',
      'onTimeResolutionRate',
      'replyRate',
      'resolutionRate',
      'satisfactionRate',
    ])
      expect([k, r[k] !== null && r[k]! > 0.5 && r[k]! <= 1]).toEqual([k, true]);
    expect(r.responseRate! < 1 || r.onTimeResolutionRate! < 1).toBe(true);
    expect(r.satisfactionRate! < 1).toBe(true);
    expect(overview.totals.unsatisfied + overview.totals.reopened).toBeGreaterThan(0);
    expect(overview.ranking.length).toBeGreaterThan(5);
  });

  it('has a ledger chain that verifies', async () => {
    const verdict = await get<{ ok: boolean; checkedEntries: number }>('/api/v1/ledger/verify');
    expect(verdict.ok).toBe(true);
    expect(verdict.checkedEntries).toBeGreaterThan(1000);
  });

  it('seeds nothing more on a second start', async () => {
    const before = (await allTickets()).length;
    await running!.close();
    let again: DemoQuarterReport | null | undefined;
    running = await startService(standalone(env(), (r) => (again = r)));
    expect(again).toBeNull();
    expect((await allTickets()).length).toBe(before);
  });

  it('seeds no ticket, and no directory, with SEED_DEMO=false', async () => {
    const other = await createTestDatabase('demo_off');
    let seeded: DemoQuarterReport | null | undefined;
    // Inside the standalone process the identity module reads SEED_DEMO from the process' environment.
    process.env.SEED_DEMO = 'false';
    const off = await startService(
      standalone({ ...env(), DATABASE_URL: other.url, SEED_DEMO: 'false' }, (r) => (seeded = r)),
    ).finally(() => delete process.env.SEED_DEMO);
    const pg = new Client({ connectionString: other.url });
    await pg.connect();
    try {
      expect(seeded).toBeNull();
      const count = async (table: string) =>
        Number((await pg.query(`SELECT count(*)::int AS n FROM ${table}`)).rows[0].n);
      expect(await count('ticket.tickets')).toBe(0);
      expect(await count('identity.user_account')).toBe(0);
    } finally {
      await pg.end();
      await off.close();
      await other.drop();
    }
  });
});
