/**
 * writeBehind on a real PostgreSQL: a unit of work's write is not waited for, and leaves in the same
 * socket write as the transaction's next statement or its COMMIT (ADR 0023); what follows it in the
 * transaction sees it; a row count it must change is checked by PostgreSQL, so a wrong count, like
 * any failure of the write, fails the COMMIT and leaves nothing written; a write held back
 * (writeWithNext) goes behind with the COMMIT under the same checks; one statement with nothing to
 * check goes as it is; on another client, the same statement runs and is waited for.
 */
import { createTestDatabase } from '@ticketing/testing';
import { DataSource, EntityManager } from 'typeorm';
import { PipeliningClient, TransactionContext, writeBehind, writeWithNext } from '../src';
import { countWrites } from './socket-writes';

describe('writeBehind on PostgreSQL', () => {
  let drop: () => Promise<void>;
  let pipelining: DataSource;
  let plain: DataSource;

  beforeAll(async () => {
    const db = await createTestDatabase('write_behind');
    drop = db.drop;
    pipelining = new DataSource({
      type: 'postgres',
      url: db.url,
      extra: { Client: PipeliningClient, max: 2 },
    });
    plain = new DataSource({ type: 'postgres', url: db.url, extra: { max: 2 } });
    await Promise.all([pipelining.initialize(), plain.initialize()]);
    await plain.query(`CREATE SCHEMA wb`);
    await plain.query(`CREATE TABLE wb.cases (id int PRIMARY KEY, title text NOT NULL)`);
    await plain.query(
      `CREATE TABLE wb.steps (case_id int NOT NULL REFERENCES wb.cases (id), note text NOT NULL)`,
    );
    await plain.query(`INSERT INTO wb.cases (id, title) VALUES (1, '停水')`);
  });
  afterAll(async () => {
    await Promise.all([pipelining?.destroy(), plain?.destroy()]);
    await drop?.();
  });

  const titleOf = async (id: number): Promise<string | undefined> =>
    (await plain.query(`SELECT title FROM wb.cases WHERE id = $1`, [id]))[0]?.title;
  const insertCase = (id: number, title: string) =>
    [`INSERT INTO wb.cases (id, title) VALUES ($1, $2)`, [id, title]] as const;
  const retitle = (id: number, title: string) =>
    [`UPDATE wb.cases SET title = $1 WHERE id = $2`, [title, id]] as const;

  it('sends the write in the same socket write as the COMMIT: start, write and commit leave as one', async () => {
    const runner = pipelining.createQueryRunner();
    try {
      const seen = countWrites(await runner.connect());
      await runner.startTransaction();
      await writeBehind(runner.manager, [insertCase(2, '断电')]);
      expect(seen.writes).toBe(0);
      await runner.commitTransaction();
      expect(seen.writes).toBe(1);
    } finally {
      await runner.release();
    }
    expect(await titleOf(2)).toBe('断电');
  });

  it('lets what follows it in the transaction see it', async () => {
    const seenInside = await pipelining.transaction(async (m) => {
      await writeBehind(m, [
        insertCase(3, '路灯'),
        [`INSERT INTO wb.steps (case_id, note) VALUES ($1, $2)`, [3, '受理']],
      ]);
      return (await m.query(`SELECT note FROM wb.steps WHERE case_id = $1`, [3])).map(
        (r: { note: string }) => r.note,
      );
    });
    expect(seenInside).toEqual(['受理']);
    expect(await titleOf(3)).toBe('路灯');
  });

  for (const [name, ds, base] of [
    ['sent behind (PipeliningClient)', () => pipelining, 100],
    ['waited for (another client)', () => plain, 200],
  ] as const) {
    describe(name, () => {
      it('fails the transaction, with the count, when a write changes another number of rows than it must', async () => {
        await expect(
          ds().transaction((m) =>
            writeBehind(m, [insertCase(base, '不该写入'), retitle(99, '无此件')], [], [undefined, 1]),
          ),
        ).rejects.toThrow(/a write changed 0 rows, not 1: UPDATE wb\.cases SET title/);
        expect(await titleOf(base)).toBeUndefined();

        await ds().transaction((m) =>
          writeBehind(m, [insertCase(base + 1, '已受理'), retitle(1, '停水')], [], [1, 1]),
        );
        expect(await titleOf(base + 1)).toBe('已受理');
      });

      it("fails the COMMIT with the write's own error and leaves nothing of the transaction", async () => {
        await expect(
          ds().transaction(async (m) => {
            await m.query(`UPDATE wb.cases SET title = $1 WHERE id = $2`, ['改过', 1]);
            await writeBehind(m, [insertCase(1, '重复')]);
          }),
        ).rejects.toThrow(/duplicate key/);
        expect(await titleOf(1)).toBe('停水');
      });

      it('checks the count of a write held back (writeWithNext) that goes with the COMMIT', async () => {
        const tx = new TransactionContext(ds());
        await expect(
          tx.transaction(async () => writeWithNext(tx.writer, retitle(98, '无此件'), 1)),
        ).rejects.toThrow(/a write changed 0 rows, not 1: UPDATE wb\.cases/);
        await tx.transaction(async () => writeWithNext(tx.writer, retitle(1, '停水已修复'), 1));
        expect(await titleOf(1)).toBe('停水已修复');
        await tx.transaction(async () => writeWithNext(tx.writer, retitle(1, '停水'), 1));
      });
    });
  }

  it('gives a failed write\'s error to the next statement, not PostgreSQL\'s "transaction is aborted"', async () => {
    let next: unknown;
    await expect(
      pipelining.transaction(async (m: EntityManager) => {
        await writeBehind(m, [insertCase(1, '重复')]);
        next = await m.query('SELECT 1').catch((e: Error) => e);
        throw next;
      }),
    ).rejects.toThrow(/duplicate key/);
    expect(String(next)).toMatch(/duplicate key/);
    // The connection is clean for the next unit of work.
    await pipelining.transaction((m) => writeBehind(m, [insertCase(12, '下一件')]));
    expect(await titleOf(12)).toBe('下一件');
  });

  it('sends one statement with nothing to count or notify as it is, a WITH or a role switch too', async () => {
    const sent = new Set<string>();
    const runner = pipelining.createQueryRunner();
    try {
      const client = (await runner.connect()) as PipeliningClient;
      const original = client.sendBehind.bind(client);
      client.sendBehind = (text, values, explain) => {
        sent.add(text);
        return original(text, values, explain);
      };
      const seen = countWrites(client);
      await runner.startTransaction();
      const upsert = `WITH n AS (SELECT $1::int AS id, $2::text AS title)
        INSERT INTO wb.cases (id, title) SELECT id, title FROM n ON CONFLICT (id) DO UPDATE SET title = EXCLUDED.title`;
      await writeBehind(runner.manager, [[upsert, [14, '井盖']]]);
      await writeBehind(runner.manager, [['SET LOCAL ROLE NONE', []]]);
      expect(seen.writes).toBe(0);
      await runner.commitTransaction();
      expect(seen.writes).toBe(1);
      expect([...sent]).toEqual([upsert, 'SET LOCAL ROLE NONE']);
    } finally {
      await runner.release();
    }
    expect(await titleOf(14)).toBe('井盖');
  });

  it('refuses a row count that is not a whole number, sending nothing', async () => {
    await expect(
      pipelining.transaction((m) => writeBehind(m, [insertCase(13, '不该写入')], [], [0.5])),
    ).rejects.toThrow(/whole number/);
    expect(await titleOf(13)).toBeUndefined();
  });
});
