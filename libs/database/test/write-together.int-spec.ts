/**
 * writeTogether on a real PostgreSQL: several statements (each numbered from $1) run as one, each
 * one's changed rows counted; a row may reference one inserted beside it; a NOTIFY goes out only
 * when the transaction commits; a statement that fails undoes the others; a statement it cannot
 * hold is refused before anything is sent. A write held back (writeWithNext) rides with the unit
 * of work's next writeTogether, or goes alone before the commit, and never outlives a failure.
 */
import { createTestDatabase } from '@ticketing/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { statementsOf } from '@ticketing/testing';
import { TransactionContext, writeTogether, writeWithNext } from '../src';

describe('writeTogether on PostgreSQL', () => {
  let drop: () => Promise<void>;
  let url: string;
  let ds: DataSource;

  beforeAll(async () => {
    const db = await createTestDatabase('write_together');
    drop = db.drop;
    url = db.url;
    ds = new DataSource({ type: 'postgres', url, synchronize: false });
    await ds.initialize();
    await ds.query(`CREATE SCHEMA wt`);
    await ds.query(`CREATE TABLE wt.cases (id int PRIMARY KEY, title text NOT NULL, version int NOT NULL)`);
    await ds.query(
      `CREATE TABLE wt.steps (case_id int NOT NULL REFERENCES wt.cases (id), note text NOT NULL)`,
    );
  });
  afterAll(async () => {
    await ds.destroy();
    await drop();
  });

  it('runs the statements as one, with their own parameters, and counts the rows of each', async () => {
    const counts = await ds.transaction((m) =>
      writeTogether(m, [
        [
          `INSERT INTO wt.cases (id, title, version) VALUES ($1, $2, $3), ($4, $5, $6)`,
          [1, '停水', 1, 2, '断电', 1],
        ],
        // References a case inserted by the statement beside it: checked when the whole one ends.
        [`INSERT INTO wt.steps (case_id, note) VALUES ($1, $2)`, [1, '$1 受理']],
        [`UPDATE wt.cases SET title = $1 WHERE id = $2 AND version = $3`, ['不存在', 9, 1]],
      ]),
    );
    expect(counts).toEqual([2, 1, 0]);
    expect(await ds.query(`SELECT id, title FROM wt.cases ORDER BY id`)).toEqual([
      { id: 1, title: '停水' },
      { id: 2, title: '断电' },
    ]);
    expect(await ds.query(`SELECT case_id, note FROM wt.steps`)).toEqual([{ case_id: 1, note: '$1 受理' }]);
  });

  it('notifies the channels (with a payload when given) when the transaction commits, not before', async () => {
    const listener = new Client({ connectionString: url });
    await listener.connect();
    const heard: string[] = [];
    listener.on('notification', (n) => heard.push(`${n.channel}:${n.payload}`));
    await listener.query('LISTEN wt_wake');
    try {
      await ds.transaction(async (m) => {
        const [n] = await writeTogether(
          m,
          [[`UPDATE wt.cases SET version = version + 1 WHERE id = $1`, [2]]],
          ['wt_wake', { channel: 'wt_wake', payload: '42' }],
        );
        expect(n).toBe(1);
        await new Promise((r) => setTimeout(r, 100));
        expect(heard).toEqual([]);
      });
      for (let i = 0; i < 50 && heard.length < 2; i++) await new Promise((r) => setTimeout(r, 20));
      expect(heard).toEqual(['wt_wake:', 'wt_wake:42']);
    } finally {
      await listener.end();
    }
  });

  it('changes nothing when one of the statements fails', async () => {
    await expect(
      ds.transaction((m) =>
        writeTogether(m, [
          [`UPDATE wt.cases SET title = $1 WHERE id = $2`, ['改了', 1]],
          [`INSERT INTO wt.steps (case_id, note) VALUES ($1, $2)`, [404, '没有这件']],
        ]),
      ),
    ).rejects.toThrow(/foreign key/);
    expect(await ds.query(`SELECT title FROM wt.cases WHERE id = 1`)).toEqual([{ title: '停水' }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM wt.steps`)).toEqual([{ n: 1 }]);
  });

  it('refuses a statement with its own RETURNING or WITH, sending nothing', async () => {
    const sent: string[] = [];
    const db = { query: async (sql: string) => void sent.push(sql) };
    await expect(
      writeTogether(db, [[`INSERT INTO wt.cases VALUES ($1, 'x', 1) RETURNING id`, [3]]]),
    ).rejects.toThrow(/plain INSERT, UPDATE or DELETE/);
    await expect(
      writeTogether(db, [[`WITH x AS (SELECT 1) INSERT INTO wt.cases VALUES ($1, 'x', 1)`, [3]]]),
    ).rejects.toThrow(/plain INSERT, UPDATE or DELETE/);
    // A write held back is refused when it is held, not later inside another's statement.
    expect(() =>
      writeWithNext(db, [`UPDATE wt.cases SET title = 'x' WHERE id = $1 RETURNING id`, [1]]),
    ).toThrow(/plain INSERT, UPDATE or DELETE/);
    await writeTogether(db, []);
    expect(sent).toEqual([]);
  });

  describe('a write held back (writeWithNext)', () => {
    const uow = () => new TransactionContext(ds);
    const titleOf = async (id: number) =>
      (await ds.query(`SELECT title FROM wt.cases WHERE id = $1`, [id]))[0]?.title;

    it('goes in the next writeTogether of its unit of work: one statement, the counts of the others only', async () => {
      const tx = uow();
      let counts: number[] = [];
      const sent = await statementsOf(() =>
        tx.transaction(async () => {
          writeWithNext(tx.writer, [`UPDATE wt.cases SET title = $1 WHERE id = $2`, ['已受理', 2]], 1);
          counts = await writeTogether(tx.writer, [
            [`INSERT INTO wt.steps (case_id, note) VALUES ($1, $2)`, [2, '受理']],
          ]);
        }),
      );
      expect(counts).toEqual([1]);
      expect(sent.filter((q) => /wt\./.test(q))).toHaveLength(1);
      expect(await titleOf(2)).toBe('已受理');
    });

    it('goes by itself before the commit when no statement takes it, and not at all when the work fails', async () => {
      const tx = uow();
      await tx.transaction(async () => {
        writeWithNext(tx.writer, [`UPDATE wt.cases SET title = $1 WHERE id = $2`, ['待回复', 2]], 1);
      });
      expect(await titleOf(2)).toBe('待回复');

      await expect(
        tx.transaction(async () => {
          writeWithNext(tx.writer, [`UPDATE wt.cases SET title = $1 WHERE id = $2`, ['不该写入', 2]]);
          throw new Error('the use case failed');
        }),
      ).rejects.toThrow('the use case failed');
      expect(await titleOf(2)).toBe('待回复');
      // Nothing of the failed unit of work is left waiting for the next one.
      await tx.transaction(() => writeTogether(tx.writer, []));
      expect(await titleOf(2)).toBe('待回复');
    });

    it('fails the statement that carries it, and so the unit of work, when it changes another number of rows', async () => {
      const tx = uow();
      await expect(
        tx.transaction(async () => {
          writeWithNext(tx.writer, [`UPDATE wt.cases SET title = $1 WHERE id = $2`, ['无此件', 99]], 1);
          await writeTogether(tx.writer, [[`UPDATE wt.cases SET title = $1 WHERE id = $2`, ['已办结', 1]]]);
        }),
      ).rejects.toThrow(/changed 0 rows, not 1/);
      expect(await titleOf(1)).toBe('停水');
    });
  });
});
