/**
 * PipeliningClient on a real PostgreSQL: a transaction's start leaves in the same socket write as
 * its first statement (one write fewer per transaction than node-postgres's own client), the
 * statements still run in the transaction (a failure undoes them, a commit shows them), a start
 * with nothing after it is sent anyway, and a start PostgreSQL refuses ends the connection.
 */
import { createTestDatabase } from '@ticketing/testing';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { PipeliningClient, PreparingClient, TRANSACTION_START } from '../src';
import { countWrites } from './socket-writes';

describe('PipeliningClient on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let observer: Client;

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('pipelining'));
    observer = new Client({ connectionString: url });
    await observer.connect();
    await observer.query('CREATE SCHEMA pipe');
    await observer.query('CREATE TABLE pipe.t (id int PRIMARY KEY, x text NOT NULL)');
  });
  afterAll(async () => {
    await observer?.end();
    await drop?.();
  });

  const rows = async () =>
    (await observer.query<{ id: number }>('SELECT id FROM pipe.t ORDER BY id')).rows.map((r) => r.id);

  async function transactionWrites(client: Client, id: number): Promise<number> {
    const seen = countWrites(client);
    await client.query(TRANSACTION_START);
    await client.query('INSERT INTO pipe.t (id, x) VALUES ($1, $2)', [id, 'a']);
    await client.query('COMMIT');
    return seen.writes;
  }

  it('sends the start with the first statement: one socket write fewer than node-postgres alone', async () => {
    const plain = new Client({ connectionString: url });
    const pipelining = new PipeliningClient({ connectionString: url });
    await Promise.all([plain.connect(), pipelining.connect()]);
    try {
      expect(await transactionWrites(plain, 1)).toBe(3);
      expect(await transactionWrites(pipelining, 2)).toBe(2);
      expect(await rows()).toEqual([1, 2]);
    } finally {
      await Promise.all([plain.end(), pipelining.end()]);
    }
  });

  it('sends a statement ahead with the next one, in one write, each answered in order', async () => {
    const plain = new PipeliningClient({ connectionString: url });
    const ahead = new PipeliningClient({ connectionString: url });
    await Promise.all([plain.connect(), ahead.connect()]);
    const together = async (client: PipeliningClient, id: number, first: 'query' | 'queryAhead') => {
      const seen = countWrites(client);
      await client.query(TRANSACTION_START);
      const [inserted, counted] = await Promise.all([
        client[first]('INSERT INTO pipe.t (id, x) VALUES ($1, $2) RETURNING id', [id, 'together']),
        client.query('SELECT count(*)::int AS n FROM pipe.t WHERE id = $1', [id]),
      ]);
      await client.query('COMMIT');
      expect(inserted.rows).toEqual([{ id }]);
      expect(counted.rows).toEqual([{ n: 1 }]); // run in order: the second sees the first's row
      return seen.writes;
    };
    try {
      expect(await together(plain, 30, 'query')).toBe(3); // start + insert; select; commit
      expect(await together(ahead, 31, 'queryAhead')).toBe(2); // start + insert + select; commit
      expect(await rows()).toEqual(expect.arrayContaining([30, 31]));
    } finally {
      await Promise.all([plain.end(), ahead.end()]);
    }
  });

  it('fails a statement sent ahead with its own error, the one after it too, and rolls back', async () => {
    const client = new PipeliningClient({ connectionString: url });
    await client.connect();
    try {
      await client.query('INSERT INTO pipe.t (id, x) VALUES ($1, $2)', [32, 'first']);
      await client.query(TRANSACTION_START);
      const [twice, after] = await Promise.allSettled([
        client.queryAhead('INSERT INTO pipe.t (id, x) VALUES ($1, $2)', [32, 'twice']),
        client.query('INSERT INTO pipe.t (id, x) VALUES ($1, $2)', [33, 'after']),
      ]);
      expect(twice).toMatchObject({
        status: 'rejected',
        reason: { message: expect.stringMatching(/duplicate key/) },
      });
      expect(after.status).toBe('rejected');
      await client.query('ROLLBACK');
      // Alone, with no statement after it, it is sent on the next turn of the event loop.
      expect((await client.queryAhead('SELECT x FROM pipe.t WHERE id = $1', [32])).rows).toEqual([
        { x: 'first' },
      ]);
      expect(await rows()).not.toContain(33);
    } finally {
      await client.end();
    }
  });

  it('runs the statements in the transaction: a failure undoes them, and only a commit shows them', async () => {
    const ds = new DataSource({ type: 'postgres', url, extra: { Client: PreparingClient, max: 1 } });
    await ds.initialize();
    try {
      await expect(
        ds.transaction(async (m) => {
          await m.query('INSERT INTO pipe.t (id, x) VALUES ($1, $2)', [10, 'undone']);
          await m.query('INSERT INTO pipe.t (id, x) VALUES ($1, $2)', [10, 'twice']);
        }),
      ).rejects.toThrow(/duplicate key/);
      expect(await rows()).not.toContain(10);

      await ds.transaction(async (m) => {
        await m.query('INSERT INTO pipe.t (id, x) VALUES ($1, $2)', [11, 'kept']);
        // Not seen from another connection before the commit.
        expect(await rows()).not.toContain(11);
      });
      expect(await rows()).toContain(11);
    } finally {
      await ds.destroy();
    }
  });

  it('sends a start that no statement follows at once, on the next turn of the event loop', async () => {
    const client = new PipeliningClient({ connectionString: url, application_name: 'pipe-alone' });
    await client.connect();
    try {
      await client.query(TRANSACTION_START);
      const state = async () =>
        (
          await observer.query<{ state: string }>(
            `SELECT state FROM pg_stat_activity WHERE application_name = 'pipe-alone'`,
          )
        ).rows[0]?.state;
      let seen = await state();
      for (let i = 0; i < 50 && seen !== 'idle in transaction'; i++) {
        await new Promise((r) => setTimeout(r, 20));
        seen = await state();
      }
      expect(seen).toBe('idle in transaction');
      await client.query('ROLLBACK');
    } finally {
      await client.end();
    }
  });

  it('ends the connection when PostgreSQL refuses the start, so the rest of that transaction cannot run', async () => {
    const client = new PipeliningClient({ connectionString: url });
    const ended = new Promise<Error>((resolve) => client.on('error', resolve));
    await client.connect();
    await client.query(TRANSACTION_START);
    await expect(client.query('SELECT 1 / 0')).rejects.toThrow(/division by zero/);
    // In a failed transaction PostgreSQL refuses everything but its end, a start included.
    await client.query(TRANSACTION_START);
    await expect(client.query('INSERT INTO pipe.t (id, x) VALUES ($1, $2)', [20, 'lost'])).rejects.toThrow();
    expect((await ended).message).toMatch(/the transaction did not start/);
    await expect(client.query('SELECT 1')).rejects.toThrow();
    expect(await rows()).not.toContain(20);
  });
});
