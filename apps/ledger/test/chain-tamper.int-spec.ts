import { createTestDatabase } from '@ticketing/testing';
import { RunningService } from '@ticketing/platform';
import { Client } from 'pg';
import { entryHash } from '../src/chain/domain/ledger-entry';
import { toEntry } from '../src/chain/infrastructure/entry-row';
import { api, DEP_A, deliver, Lifecycle, startLedger, users } from './ledger-test-kit';

/**
 * Tampering as a superuser, the only one who can: triggers are switched off for the session
 * (session_replication_role = replica), rows are edited, deleted, inserted or swapped, and
 * verify must name the first entry at fault. Each case restores the chain from a copy after.
 */
describe('ledger chain: tamper evidence', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let su: Client;

  const verify = async () => (await api(running, 'GET', '/api/v1/ledger/verify', users.committee)).body;

  async function tamper(sql: string[], params: unknown[][] = []): Promise<void> {
    await su.query('BEGIN');
    await su.query('SET LOCAL session_replication_role = replica');
    for (let i = 0; i < sql.length; i++) await su.query(sql[i], params[i] ?? []);
    await su.query('COMMIT');
  }

  beforeAll(async () => {
    db = await createTestDatabase('ledger_chain');
    running = await startLedger(db.url);
    const t0 = new Date('2026-03-02T01:00:00Z');
    const events = [1, 2, 3].flatMap(
      (i) =>
        new Lifecycle({ ticketId: `t-chain-${i}` }, t0)
          .submit()
          .after(1)
          .assign(DEP_A)
          .after(1)
          .acknowledge()
          .after(10)
          .resolve()
          .reply()
          .after(2)
          .feedback('satisfied', true)
          .close('feedback', 'satisfied', true).events,
    );
    await deliver(running, events);
    su = new Client({ connectionString: db.url });
    await su.connect();
    await su.query('CREATE TABLE public.entries_copy AS SELECT * FROM ledger.entries');
  });

  afterEach(async () => {
    await tamper([
      'DELETE FROM ledger.entries',
      'INSERT INTO ledger.entries SELECT * FROM public.entries_copy',
      'UPDATE ledger.chain_head SET seq = c.seq, hash = c.hash FROM (SELECT seq, hash FROM public.entries_copy ORDER BY seq DESC LIMIT 1) c',
    ]);
    expect((await verify()).ok).toBe(true);
  });

  afterAll(async () => {
    await su?.end();
    await running?.close();
    await db?.drop();
  });

  it('an untouched chain verifies, with its seal', async () => {
    const seal = await api(running, 'POST', '/api/v1/ledger/seals', users.admin);
    expect(seal.status).toBe(201);
    expect(seal.body.lastSeq).toBeGreaterThan(20);
    const report = await verify();
    expect(report).toMatchObject({ ok: true, firstBroken: null, checkedSeals: 1 });
    expect(report.checkedEntries).toBe(report.headSeq);
  });

  it('edit: a changed payload is named by seq as a hash mismatch', async () => {
    await tamper([
      `UPDATE ledger.entries SET payload = jsonb_set(payload, '{result}', '"问题已解决（改）"') WHERE seq = 7`,
    ]);
    expect((await verify()).firstBroken).toMatchObject({ seq: 7, problem: 'hash_mismatch' });
  });

  it('edit: a changed actor or time is caught too', async () => {
    await tamper([`UPDATE ledger.entries SET occurred_at = occurred_at - interval '1 day' WHERE seq = 12`]);
    expect((await verify()).firstBroken).toMatchObject({ seq: 12, problem: 'hash_mismatch' });
  });

  it('delete: a removed entry is named as the missing seq', async () => {
    await tamper([`DELETE FROM ledger.entries WHERE seq = 5`]);
    expect((await verify()).firstBroken).toMatchObject({ seq: 5, problem: 'missing_seq' });
  });

  it('delete: removing the last entry is caught against the chain head', async () => {
    const { rows } = await su.query(`SELECT max(seq)::int AS last FROM ledger.entries`);
    await tamper([`DELETE FROM ledger.entries WHERE seq = $1`], [[rows[0].last]]);
    expect((await verify()).firstBroken).toMatchObject({ seq: rows[0].last, problem: 'missing_seq' });
  });

  it('insert: a forged entry in the middle (later ones renumbered, its own hash correct) breaks the next link', async () => {
    await tamper([
      `UPDATE ledger.entries SET seq = -seq WHERE seq >= 9`,
      `UPDATE ledger.entries SET seq = -seq + 1 WHERE seq < 0`,
    ]);
    // The forger links the new entry to entry 8 and gives it a correct hash of its own.
    await tamper([
      `INSERT INTO ledger.entries SELECT 9, '0193a000-0000-7000-8000-0000000000ff', 'ticket.resolved', topic, event_version, aggregate_id,
         aggregate_version, correlation_id, causation_id, ticket_id, department_id, actor_id, actor_role, occurred_at, recorded_at,
         jsonb_build_object('ticketId', ticket_id, 'result', '伪造的办结'), hash, repeat('0', 64)
       FROM ledger.entries WHERE seq = 8`,
    ]);
    const { hash: _placeholder, ...forged } = toEntry(
      (await su.query(`SELECT * FROM ledger.entries WHERE seq = 9`)).rows[0],
    );
    void _placeholder;
    await tamper([`UPDATE ledger.entries SET hash = $1 WHERE seq = 9`], [[entryHash(forged)]]);
    expect((await verify()).firstBroken).toMatchObject({ seq: 10, problem: 'prev_hash_mismatch' });
  });

  it('insert: a forged entry appended at the end with a made-up hash is named', async () => {
    const { rows } = await su.query(`SELECT max(seq)::int AS last FROM ledger.entries`);
    const next = rows[0].last + 1;
    await tamper(
      [
        `INSERT INTO ledger.entries SELECT $1, '0193a000-0000-7000-8000-0000000000fe', type, topic, event_version, aggregate_id, aggregate_version,
         correlation_id, causation_id, ticket_id, department_id, actor_id, actor_role, occurred_at, recorded_at, payload, hash, repeat('a', 64)
       FROM ledger.entries WHERE seq = $2`,
      ],
      [[next, rows[0].last]],
    );
    expect((await verify()).firstBroken).toMatchObject({ seq: next, problem: 'hash_mismatch' });
  });

  it('swap: two entries exchanged (seq kept) is named at the first of them', async () => {
    await tamper([
      `UPDATE ledger.entries SET seq = -1 WHERE seq = 14`,
      `UPDATE ledger.entries SET seq = 14 WHERE seq = 15`,
      `UPDATE ledger.entries SET seq = 15 WHERE seq = -1`,
    ]);
    expect((await verify()).firstBroken).toMatchObject({ seq: 14, problem: 'prev_hash_mismatch' });
  });

  it('rewrite: an edit with every later hash recomputed passes the links but not the seal', async () => {
    const sealed = (await api(running, 'POST', '/api/v1/ledger/seals', users.committee)).body;
    const { rows } = await su.query(`SELECT * FROM ledger.entries ORDER BY seq`);
    const entries = rows.map(toEntry);
    let prevHash = entries[2].hash;
    const sql: string[] = [];
    const params: unknown[][] = [];
    for (const e of entries.slice(3)) {
      const body = {
        ...e,
        prevHash,
        payload: e.seq === 4 ? { ...(e.payload as object), title: '改写的标题' } : e.payload,
      };
      const { hash: _old, ...unhashed } = body;
      void _old;
      const hash = entryHash(unhashed);
      sql.push(`UPDATE ledger.entries SET payload = $1::jsonb, prev_hash = $2, hash = $3 WHERE seq = $4`);
      params.push([JSON.stringify(body.payload), prevHash, hash, e.seq]);
      prevHash = hash;
    }
    sql.push(`UPDATE ledger.chain_head SET hash = $1`);
    params.push([prevHash]);
    await tamper(sql, params);
    const report = await verify();
    // Every seal written at this head disagrees now; the first of them is named.
    expect(report.firstBroken).toMatchObject({ seq: sealed.lastSeq, problem: 'seal_mismatch', sealNo: 1 });
  });
});

describe('ledger chain: append-only is enforced by the database', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let su: Client;

  beforeAll(async () => {
    db = await createTestDatabase('ledger_ro');
    running = await startLedger(db.url);
    await deliver(
      running,
      new Lifecycle({ ticketId: 't-ro-1' }, new Date('2026-03-02T01:00:00Z')).submit().after(1).assign(DEP_A)
        .events,
    );
    await api(running, 'POST', '/api/v1/ledger/seals', users.admin);
    su = new Client({ connectionString: db.url });
    await su.connect();
  });

  afterAll(async () => {
    await su?.end();
    await running?.close();
    await db?.drop();
  });

  const attempt = async (sql: string, role?: string): Promise<string | null> => {
    await su.query('BEGIN');
    try {
      if (role) await su.query(`SET LOCAL ROLE ${role}`);
      await su.query(sql);
      return null;
    } catch (e) {
      return `${(e as { code?: string }).code}: ${(e as Error).message}`;
    } finally {
      await su.query('ROLLBACK');
    }
  };

  it.each([
    ['UPDATE', `UPDATE ledger.entries SET type = 'x' WHERE seq = 1`],
    ['DELETE', `DELETE FROM ledger.entries WHERE seq = 1`],
    ['TRUNCATE', `TRUNCATE ledger.entries`],
    ['UPDATE seal', `UPDATE ledger.seals SET entry_count = 0`],
    ['DELETE seal', `DELETE FROM ledger.seals`],
  ])('the service role ledger_writer may not %s (permission denied)', async (_, sql) => {
    expect(await attempt(sql, 'ledger_writer')).toMatch(/^42501: permission denied/);
  });

  it('the service role may read and append', async () => {
    expect(await attempt(`SELECT count(*) FROM ledger.entries`, 'ledger_writer')).toBeNull();
    const { rows } = await su.query(`SELECT rolcanlogin FROM pg_roles WHERE rolname = 'ledger_writer'`);
    expect(rows[0].rolcanlogin).toBe(false);
    const grants = await su.query(
      `SELECT privilege_type FROM information_schema.role_table_grants WHERE grantee = 'ledger_writer' AND table_name = 'entries' ORDER BY 1`,
    );
    expect(grants.rows.map((r) => r.privilege_type)).toEqual(['INSERT', 'SELECT']);
  });

  it.each([
    ['UPDATE', `UPDATE ledger.entries SET type = 'x' WHERE seq = 1`],
    ['DELETE', `DELETE FROM ledger.entries WHERE seq = 1`],
    ['TRUNCATE', `TRUNCATE ledger.entries`],
    ['DELETE seal', `DELETE FROM ledger.seals`],
  ])('even the owner (or a superuser) with triggers on cannot %s: the trigger refuses', async (_, sql) => {
    expect(await attempt(sql)).toMatch(/append-only/);
  });

  it('the entries the service wrote were inserted as ledger_writer: nothing else is granted on them', async () => {
    const { rows } = await su.query(
      `SELECT has_table_privilege('ledger_writer', 'ledger.entries', 'UPDATE') AS u, has_table_privilege('ledger_writer', 'ledger.entries', 'DELETE') AS d`,
    );
    expect(rows[0]).toEqual({ u: false, d: false });
    expect((await api(running, 'GET', '/api/v1/ledger/verify', users.admin)).body.ok).toBe(true);
  });
});
