/**
 * The hostile-input suites' measure of "nothing written" (support/db-census.ts), on PostgreSQL:
 * a write shows in the census, and the write counter, which lets a census be reused while nothing
 * was written, moves with every statement that writes a counted table, from any connection.
 */
import { createTestDatabase } from '@ticketing/testing';
import { Client } from 'pg';
import { changed, DbCensus } from './support/db-census';

describe('DbCensus', () => {
  let db: { url: string; drop: () => Promise<void> };
  let pg: Client;
  beforeAll(async () => {
    db = await createTestDatabase('census');
    pg = new Client({ connectionString: db.url });
    await pg.connect();
    await pg.query(`CREATE SCHEMA probe;
      CREATE TABLE probe.records (id int PRIMARY KEY, version int NOT NULL DEFAULT 1);
      CREATE TABLE probe.marks (id int PRIMARY KEY);
      CREATE SCHEMA elsewhere;
      CREATE TABLE elsewhere.things (id int PRIMARY KEY)`);
  });
  afterAll(async () => {
    await pg?.end();
    await db?.drop();
  });

  it('counts every table of its schemas, and reuses a census only while nothing was written', async () => {
    const census = new DbCensus(pg, ['probe']);
    expect(await census.init()).toEqual(['probe.marks', 'probe.records']);
    const first = await census.take();
    await pg.query('SELECT count(*) FROM probe.records');
    await pg.query('INSERT INTO elsewhere.things (id) VALUES (1)'); // not a counted schema
    expect(await census.unchangedSince(first)).toBe(true);

    // Another connection's write, as the services' are.
    const other = new Client({ connectionString: db.url });
    await other.connect();
    await other.query('INSERT INTO probe.records (id) VALUES (1)');
    await other.end();
    expect(await census.unchangedSince(first)).toBe(false);
    const second = await census.take();
    expect(changed(first, second)).toEqual(['probe.records +1 rows']);
    expect(await census.unchangedSince(second)).toBe(true);

    await pg.query('UPDATE probe.records SET version = version + 1');
    expect(await census.unchangedSince(second)).toBe(false);
    const third = await census.take();
    expect(changed(second, third)).toEqual(['probe.records versions +1']);

    // A write undone in the same breath (insert, then delete) leaves the counts as they were, but
    // not the counter: the census is taken again rather than trusted. So does an upsert that did nothing.
    await pg.query('INSERT INTO probe.marks (id) VALUES (1)');
    await pg.query('DELETE FROM probe.marks');
    expect(await census.unchangedSince(third)).toBe(false);
    const fourth = await census.take();
    expect(changed(third, fourth)).toEqual([]);
    await pg.query('INSERT INTO probe.marks (id) VALUES (2) ON CONFLICT DO NOTHING');
    await pg.query('INSERT INTO probe.marks (id) VALUES (2) ON CONFLICT DO NOTHING');
    const fifth = await census.take();
    await pg.query('INSERT INTO probe.marks (id) VALUES (2) ON CONFLICT DO NOTHING');
    expect(await census.unchangedSince(fifth)).toBe(false);
    // A census this instance did not take is never reused.
    expect(await census.unchangedSince(new Map())).toBe(false);
  });
});
