/**
 * lockAhead on a real PostgreSQL: with the keys of a batch announced, the first lock of a table
 * reads and locks every announced row in one statement and later locks take theirs from it; the
 * rows really are locked; a row is taken once (locked again, it is read anew); a row being written
 * is forgotten; without announced keys, or for a key not announced, one row is read.
 */
import { createTestDatabase, statementsOf } from '@ticketing/testing';
import { Client } from 'pg';
import { DataSource, EntityManager } from 'typeorm';
import { AheadLock, announceKeys, forgetAhead, isUuid, lockAhead } from '../src';

interface CaseRow {
  id: string;
  title: string;
}

const ids = [
  '00000000-0000-7000-8000-000000000003',
  '00000000-0000-7000-8000-000000000001',
  '00000000-0000-7000-8000-000000000002',
];
const missing = '00000000-0000-7000-8000-0000000000ff';

describe('lockAhead on PostgreSQL', () => {
  let drop: () => Promise<void>;
  let url: string;
  let ds: DataSource;

  const cases = (m: EntityManager): AheadLock<CaseRow> => ({
    table: 'la.cases',
    read: (keys) =>
      m.query(`SELECT id, title FROM la.cases WHERE id = ANY($1::uuid[]) ORDER BY id FOR UPDATE`, [keys]),
    keyOf: (r) => r.id,
    accepts: isUuid,
  });
  const reads = (statements: string[]) => statements.filter((s) => s.startsWith('SELECT id, title'));

  beforeAll(async () => {
    const db = await createTestDatabase('lock_ahead');
    drop = db.drop;
    url = db.url;
    ds = new DataSource({ type: 'postgres', url, synchronize: false });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA la`);
    await ds.query(`CREATE TABLE la.cases (id uuid PRIMARY KEY, title text NOT NULL)`);
    await ds.query(`INSERT INTO la.cases (id, title) SELECT unnest($1::uuid[]), '停水'`, [ids]);
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  it('locks every announced row in one statement and hands each out from it, a missing key as none', async () => {
    const got: (CaseRow | undefined)[] = [];
    const statements = await statementsOf(() =>
      ds.transaction(async (m) => {
        // A key that is no uuid (another kind of message key) is not read.
        announceKeys(m, [...ids, missing, 'directory-entry-7', ids[0]]);
        for (const id of [ids[1], missing, ids[0], ids[2]]) got.push(await lockAhead(m, cases(m), id));
      }),
    );
    expect(got).toEqual([
      { id: ids[1], title: '停水' },
      undefined,
      { id: ids[0], title: '停水' },
      { id: ids[2], title: '停水' },
    ]);
    const [read, ...more] = reads(statements);
    expect(more).toEqual([]);
    expect(read).toContain('ANY($1::uuid[])');
  });

  it('holds the locks of every announced row until the transaction ends', async () => {
    const other = new Client({ connectionString: url });
    await other.connect();
    try {
      await ds.transaction(async (m) => {
        announceKeys(m, ids);
        await lockAhead(m, cases(m), ids[0]);
        // Not yet handed out, already locked: another transaction cannot take it.
        await expect(
          other.query(`SELECT 1 FROM la.cases WHERE id = $1 FOR UPDATE NOWAIT`, [ids[2]]),
        ).rejects.toThrow(/could not obtain lock/);
      });
      await expect(
        other.query(`SELECT 1 FROM la.cases WHERE id = $1 FOR UPDATE NOWAIT`, [ids[2]]),
      ).resolves.toBeTruthy();
    } finally {
      await other.end();
    }
  });

  it('hands a row out once: locked again, or forgotten before it was taken, it is read anew', async () => {
    let again: CaseRow | undefined;
    let forgotten: CaseRow | undefined;
    const statements = await statementsOf(() =>
      ds
        .transaction(async (m) => {
          announceKeys(m, ids);
          await lockAhead(m, cases(m), ids[0]);
          await m.query(`UPDATE la.cases SET title = '断电' WHERE id = ANY($1::uuid[])`, [[ids[0], ids[1]]]);
          again = await lockAhead(m, cases(m), ids[0]);
          forgetAhead(m, 'la.cases', ids[1]);
          forgotten = await lockAhead(m, cases(m), ids[1]);
          await lockAhead(m, cases(m), ids[2]);
          throw new Error('roll back');
        })
        .catch((e: Error) => {
          if (e.message !== 'roll back') throw e;
        }),
    );
    expect(again).toEqual({ id: ids[0], title: '断电' });
    expect(forgotten).toEqual({ id: ids[1], title: '断电' });
    // The batch's read, the two read anew; the third was still waiting in the batch's read.
    expect(reads(statements)).toHaveLength(3);
  });

  it('reads one row when nothing was announced, or the key was not, or only one key was', async () => {
    const statements = await statementsOf(() =>
      ds.transaction(async (m) => {
        expect(await lockAhead(m, cases(m), ids[0])).toEqual({ id: ids[0], title: '停水' });
        announceKeys(m, [ids[1]]);
        await lockAhead(m, cases(m), ids[1]);
        announceKeys(m, [ids[1], ids[2]]);
        await lockAhead(m, cases(m), ids[0]);
      }),
    );
    const read = reads(statements);
    expect(read).toHaveLength(3);
  });
});
