import { RunningService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { Client } from 'pg';
import { api, deliver, snapshot, startLedger, users } from './ledger-test-kit';
import { prng, randomLifecycle } from './random-lifecycles';

const LIFECYCLES = 1000;
const SEED = Number(process.env.LEDGER_TEST_SEED ?? 20260302);

describe(`ledger projections: rebuilt from the entries equal the live ones (${LIFECYCLES} random lifecycles, seed ${SEED})`, () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let c: Client;

  beforeAll(async () => {
    db = await createTestDatabase('ledger_rebuild');
    running = await startLedger(db.url);
    c = new Client({ connectionString: db.url });
    await c.connect();
  });

  afterAll(async () => {
    await c?.end();
    await running?.close();
    await db?.drop();
  });

  it('live, then truncate and replay in seq order: the same rows', async () => {
    const rnd = prng(SEED);
    const lives = Array.from({ length: LIFECYCLES }, (_, i) => randomLifecycle(i, rnd));
    // Tickets run concurrently (interleaved across the transport's lanes), each in its own order.
    const waves: Promise<void>[] = [];
    for (let i = 0; i < lives.length; i += 50) waves.push(deliver(running, lives.slice(i, i + 50).flat()));
    await Promise.all(waves);
    const total = lives.reduce((n, l) => n + l.length, 0);
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM ledger.entries`);
    expect(rows[0].n).toBe(total);

    const live = await snapshot(c);
    expect(live.ticket_facts).toHaveLength(LIFECYCLES);
    expect(live.stats_monthly.length).toBeGreaterThan(50);

    const rebuilt = await api(running, 'POST', '/api/v1/ledger/projections/rebuild', users.admin);
    expect(rebuilt.status).toBe(200);
    expect(rebuilt.body).toMatchObject({ entries: total, tickets: LIFECYCLES });
    const after = await snapshot(c);
    for (const table of Object.keys(live)) {
      expect([table, after[table].length]).toEqual([table, live[table].length]);
      const firstDiff = after[table].findIndex((row, i) => row !== live[table][i]);
      expect([table, firstDiff, after[table][firstDiff]]).toEqual([table, -1, undefined]);
    }
    expect((await api(running, 'GET', '/api/v1/ledger/verify', users.admin)).body).toMatchObject({
      ok: true,
      checkedEntries: total,
    });
    // ~15,000 appends, one at a time by design (one chain): minutes on a busy shared machine.
  }, 900_000);
});
