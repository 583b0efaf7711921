import { getDataSourceToken } from '@nestjs/typeorm';
import { NestFactory } from '@nestjs/core';
import { QueryBus } from '@nestjs/cqrs';
import { EventEnvelope } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { entryHash, HashedLedgerEntry } from '../src/chain/domain/ledger-entry';
import { VerifiedReport } from '../src/chain/infrastructure/chain.reader';
import { EntryRow, toEntry } from '../src/chain/infrastructure/entry-row';
import { VerifyChainQuery } from '../src/chain/queries/verify-chain/verify-chain.query';
import { LedgerCliModule } from '../src/cli/ledger-cli.module';
import { api, DEP_A, deliver, Lifecycle, startLedger, users } from './ledger-test-kit';

/**
 * fixtures/chain-before-0013.json holds a chain as the ledger wrote it before its use cases went
 * through commands and repositories (ADR 0013): its entries, its seal, its head, and the events it
 * was written from. The entries' hashes must keep verifying, and the same events must still be
 * chained with the same hash inputs, or every chain written before could not be told from a forged one.
 */
interface Fixture {
  envelopes: EventEnvelope<unknown>[];
  entries: Record<string, unknown>[];
  seals: Record<string, unknown>[];
  chainHead: { seq: string; hash: string };
}
const fixture: Fixture = JSON.parse(
  readFileSync(join(__dirname, 'fixtures', 'chain-before-0013.json'), 'utf8'),
) as Fixture;
const oldEntries: HashedLedgerEntry[] = fixture.entries.map((r) =>
  toEntry({
    ...r,
    occurred_at: new Date(String(r.occurred_at)),
    recorded_at: new Date(String(r.recorded_at)),
  } as EntryRow),
);

describe('ledger chain: entries written before ADR 0013', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let c: Client;

  beforeAll(async () => {
    db = await createTestDatabase('ledger_compat');
    running = await startLedger(db.url);
    c = new Client({ connectionString: db.url });
    await c.connect();
    await c.query(
      `INSERT INTO ledger.entries SELECT * FROM jsonb_populate_recordset(NULL::ledger.entries, $1::jsonb)`,
      [JSON.stringify(fixture.entries)],
    );
    await c.query(
      `INSERT INTO ledger.seals SELECT * FROM jsonb_populate_recordset(NULL::ledger.seals, $1::jsonb)`,
      [JSON.stringify(fixture.seals)],
    );
    await c.query(`UPDATE ledger.chain_head SET seq = $1, hash = $2 WHERE id = 1`, [
      fixture.chainHead.seq,
      fixture.chainHead.hash,
    ]);
  });

  afterAll(async () => {
    await c?.end();
    await running?.close();
    await db?.drop();
  });

  const verify = async () => (await api(running, 'GET', '/api/v1/ledger/verify', users.admin)).body;

  it('verifies, over HTTP and as `ledger:verify` runs it', async () => {
    expect(oldEntries).toHaveLength(28);
    expect(await verify()).toMatchObject({ ok: true, checkedEntries: 28, checkedSeals: 1, headSeq: 28 });
    const ds = running.app.get<DataSource>(getDataSourceToken('ledger'));
    const cli = await NestFactory.createApplicationContext(LedgerCliModule.on(new TransactionContext(ds)), {
      logger: false,
    });
    try {
      const report = await cli
        .get(QueryBus)
        .execute<VerifyChainQuery, VerifiedReport>(VerifyChainQuery.create({}));
      expect(report).toMatchObject({ ok: true, checkedEntries: 28, checkedSeals: 1 });
    } finally {
      await cli.close();
    }
  });

  it('knows the events it chained then: delivered again, none is appended twice', async () => {
    await deliver(running, fixture.envelopes);
    const { rows } = await c.query(`SELECT count(*)::int AS n FROM ledger.entries`);
    expect(rows[0].n).toBe(28);
  });

  it('goes on from the old head, and the whole chain still verifies, seal included; a rebuild reads both', async () => {
    await deliver(
      running,
      new Lifecycle({ ticketId: 't-new-000003' }, new Date('2026-03-05T01:00:00Z'))
        .submit()
        .after(1)
        .assign(DEP_A).events,
    );
    const { rows } = await c.query(`SELECT seq::int, prev_hash FROM ledger.entries WHERE seq = 29`);
    expect(rows[0].prev_hash).toBe(fixture.chainHead.hash);
    expect(await verify()).toMatchObject({ ok: true, checkedEntries: 31, checkedSeals: 1 });
    const rebuilt = await api(running, 'POST', '/api/v1/ledger/projections/rebuild', users.admin);
    expect(rebuilt.body).toMatchObject({ entries: 31, tickets: 3 });
    const facts = await c.query(
      `SELECT ticket_id, status, department_id FROM ledger.ticket_facts ORDER BY 1`,
    );
    expect(facts.rows).toEqual([
      { ticket_id: 't-new-000003', status: 'assigned', department_id: DEP_A },
      { ticket_id: 't-old-000001', status: 'closed', department_id: 'dep-old-a' },
      { ticket_id: 't-old-000002', status: 'assigned', department_id: 'dep-old-b' },
    ]);
  });
});

describe('ledger chain: the same events give the same hash inputs as before ADR 0013', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let c: Client;

  beforeAll(async () => {
    db = await createTestDatabase('ledger_compat_inputs');
    running = await startLedger(db.url);
    c = new Client({ connectionString: db.url });
    await c.connect();
  });

  afterAll(async () => {
    await c?.end();
    await running?.close();
    await db?.drop();
  });

  it('every entry, given the time it was recorded then, hashes to the hash written then', async () => {
    const bySeq = [...fixture.envelopes].sort(
      (a, b) =>
        oldEntries.findIndex((e) => e.eventId === a.id) - oldEntries.findIndex((e) => e.eventId === b.id),
    );
    for (const e of bySeq) await deliver(running, [e]);
    const { rows } = await c.query(`SELECT * FROM ledger.entries ORDER BY seq`);
    const now = rows.map(toEntry);
    expect(now.map((e) => e.eventId)).toEqual(oldEntries.map((e) => e.eventId));
    for (const [i, entry] of now.entries()) {
      const then = oldEntries[i];
      const { hash: _h, recordedAt: _r, prevHash: _p, ...inputs } = entry;
      const { hash: oldHash, recordedAt, prevHash, ...oldInputs } = then;
      expect([i, inputs]).toEqual([i, oldInputs]);
      expect([i, entryHash({ ...inputs, recordedAt, prevHash })]).toEqual([i, oldHash]);
    }
  });
});
