/**
 * PreparingClient on a real PostgreSQL: a frequent write runs as a prepared statement on its
 * connection from its fifth run, with the same results as unprepared; reads stay unprepared; a
 * column added meanwhile (another process's migration) does not break the prepared write.
 */
import { createTestDatabase } from '@ticketing/testing';
import { PREPARE_THRESHOLD, PREPARED, PreparingClient } from '../src';

describe('PreparingClient on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let client: PreparingClient;
  const prepared = async () =>
    (await client.query<{ statement: string }>('SELECT statement FROM pg_prepared_statements')).rows
      .map((r) => r.statement)
      .sort();

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('preparing'));
    client = new PreparingClient({ connectionString: url });
    await client.connect();
    await client.query('CREATE SCHEMA prep');
    await client.query('CREATE TABLE prep.t (id int PRIMARY KEY, x text NOT NULL)');
  });
  afterAll(async () => {
    await client?.end();
    await drop?.();
  });

  it('prepares a frequent write on its connection, with the same results, and leaves reads alone', async () => {
    const insert = 'INSERT INTO prep.t (id, x) VALUES ($1, $2) RETURNING id, x';
    const returned = [];
    for (let i = 1; i <= PREPARE_THRESHOLD + 3; i++) {
      returned.push((await client.query(insert, [i, `v${i}`])).rows[0]);
      if (i === PREPARE_THRESHOLD - 1) expect(await prepared()).toEqual([]);
    }
    expect(returned).toEqual(
      Array.from({ length: PREPARE_THRESHOLD + 3 }, (_, i) => ({ id: i + 1, x: `v${i + 1}` })),
    );
    expect(await prepared()).toEqual([insert]);

    const read = 'SELECT x FROM prep.t WHERE id = $1';
    for (let i = 0; i < PREPARE_THRESHOLD * 2; i++)
      expect((await client.query(read, [1])).rows).toEqual([{ x: 'v1' }]);
    expect(await prepared()).toEqual([insert]);
    // A read marked as a lookup by key is prepared too.
    const marked = `${PREPARED}SELECT x FROM prep.t WHERE id = $1`;
    for (let i = 0; i < PREPARE_THRESHOLD; i++)
      expect((await client.query(marked, [2])).rows).toEqual([{ x: 'v2' }]);
    expect(await prepared()).toEqual([insert, marked].sort());

    // A failing run of the prepared statement is an ordinary error, and the next run works.
    await expect(client.query(insert, [1, 'again'])).rejects.toThrow(/duplicate key/);
    expect((await client.query(insert, [100, 'after'])).rows).toEqual([{ id: 100, x: 'after' }]);
  });

  it('keeps working after a column is added to the table it writes', async () => {
    const update = 'UPDATE prep.t SET x = $2 WHERE id = $1';
    for (let i = 0; i < PREPARE_THRESHOLD + 1; i++) await client.query(update, [1, `u${i}`]);
    expect(await prepared()).toContain(update);
    await client.query(`ALTER TABLE prep.t ADD COLUMN y text NOT NULL DEFAULT 'd'`);
    const r = await client.query(update, [1, 'after alter']);
    expect(r.rowCount).toBe(1);
    expect((await client.query('SELECT x, y FROM prep.t WHERE id = 1')).rows).toEqual([
      { x: 'after alter', y: 'd' },
    ]);
  });
});
