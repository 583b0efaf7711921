/**
 * The settings cache on a real PostgreSQL: the table's trigger NOTIFYs at commit, the cache's
 * LISTEN connection hears it and drops what was read from the table; a rollback sends nothing; a
 * dropped LISTEN connection turns the cache off until it is back.
 */
import { createTestDatabase, eventually } from '@ticketing/testing';
import { Client, Pool } from 'pg';
import { DataSource } from 'typeorm';
import {
  LISTEN_APPLICATION_NAME,
  PgSettingsChangeFeed,
  SettingsCache,
  SettingsChangeFeed,
  settingsChangedTriggerSql,
} from '../src';

describe('SettingsCache on PostgreSQL', () => {
  let url: string;
  let drop: () => Promise<void>;
  let pool: Pool;
  let cache: SettingsCache;
  let loads = 0;
  const ruleNames = () =>
    cache.read(pool, ['rules'], 'all', async () => {
      loads++;
      const rows: { name: string }[] = (await pool.query('SELECT name FROM cfg.rules ORDER BY name')).rows;
      return rows.map((r) => r.name);
    });
  /** Reads until a read is served from the cache (the feed is up and the entry is in). */
  const warm = async () => {
    const ok = await eventually(
      async () => {
        const before = cache.stats.hits;
        await ruleNames();
        await ruleNames();
        return cache.stats.hits > before;
      },
      10_000,
      50,
    );
    if (!ok) throw new Error('the cache never served a read');
  };

  beforeAll(async () => {
    ({ url, drop } = await createTestDatabase('settings'));
    pool = new Pool({ connectionString: url, max: 2 });
    await pool.query('CREATE SCHEMA cfg');
    await pool.query('CREATE TABLE cfg.rules (name text PRIMARY KEY)');
    await pool.query('CREATE TABLE cfg.other (name text PRIMARY KEY)');
    for (const sql of settingsChangedTriggerSql('cfg', ['rules'])) await pool.query(sql);
    await pool.query(`INSERT INTO cfg.rules VALUES ('a')`);
    cache = new SettingsCache(new PgSettingsChangeFeed(url, 'cfg'));
  });
  afterAll(async () => {
    await cache?.stop();
    await pool?.end();
    await drop?.();
  });

  it('serves repeated reads from memory, and the next read after a commit from the database', async () => {
    await warm();
    const before = loads;
    expect(await ruleNames()).toEqual(['a']);
    expect(loads).toBe(before);

    await pool.query(`INSERT INTO cfg.rules VALUES ('b')`);
    expect(await eventually(async () => (await ruleNames()).includes('b'), 5_000, 20)).toBe(true);
    expect(loads).toBeGreaterThan(before);
  });

  it('keeps its entry through a rolled-back write and a write to a table it did not read', async () => {
    await warm();
    const c = new Client({ connectionString: url });
    await c.connect();
    try {
      await c.query('BEGIN');
      await c.query(`INSERT INTO cfg.rules VALUES ('never')`);
      await c.query('ROLLBACK');
      await c.query(`INSERT INTO cfg.other VALUES ('x')`);
    } finally {
      await c.end();
    }
    // A notification would have come within this time (the previous test saw one in far less).
    await new Promise((r) => setTimeout(r, 300));
    const before = loads;
    expect(await ruleNames()).toEqual(['a', 'b']);
    expect(loads).toBe(before);
  });

  it('hears a TRUNCATE and a DELETE', async () => {
    await warm();
    await pool.query('TRUNCATE cfg.rules');
    expect(await eventually(async () => (await ruleNames()).length === 0, 5_000, 20)).toBe(true);
    await pool.query(`INSERT INTO cfg.rules VALUES ('c')`);
    await warm();
    await pool.query(`DELETE FROM cfg.rules WHERE name = 'c'`);
    expect(await eventually(async () => (await ruleNames()).length === 0, 5_000, 20)).toBe(true);
  });

  it('goes to the database while its LISTEN connection is gone, and caches again once it is back', async () => {
    await pool.query(`INSERT INTO cfg.rules VALUES ('d')`);
    await warm();
    await pool.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity
        WHERE application_name = $1 AND datname = current_database()`,
      [LISTEN_APPLICATION_NAME],
    );
    // Until the drop is noticed the entry may still serve; once it is, reads go through.
    expect(
      await eventually(
        async () => {
          const bypassed = cache.stats.bypassed;
          await ruleNames();
          return cache.stats.bypassed > bypassed;
        },
        5_000,
        20,
      ),
    ).toBe(true);
    // A change made while it is away is read at once.
    await pool.query(`INSERT INTO cfg.rules VALUES ('e')`);
    expect(await ruleNames()).toEqual(['d', 'e']);
    // The reconnect (after a second) brings the cache back.
    await warm();
    expect(await ruleNames()).toEqual(['d', 'e']);
  });

  it('drops, in the writing process, what a commit on an attached DataSource wrote before the commit returns', async () => {
    const ds = new DataSource({ type: 'postgres', url, poolSize: 2 });
    await ds.initialize();
    // A feed that is up and never tells anything: only the DataSource's commits can drop entries.
    const silent: SettingsChangeFeed = { start: (h) => h.up(), stop: async () => undefined };
    const local = new SettingsCache(silent).attach(ds);
    const names = (scope: object) =>
      local.read(scope, ['rules'], 'all', async () =>
        (await ds.query('SELECT name FROM cfg.rules ORDER BY name')).map((r: { name: string }) => r.name),
      );
    try {
      await pool.query('TRUNCATE cfg.rules');
      expect(await names(ds.manager)).toEqual([]);
      await pool.query(`INSERT INTO cfg.rules VALUES ('outside')`); // not through the DataSource: unheard
      expect(await names(ds.manager)).toEqual([]);

      await ds.transaction(async (m) => {
        local.touch(m, 'rules');
        await m.query(`INSERT INTO cfg.rules VALUES ('inside')`);
        // The writer reads its own write; the others still get what was committed.
        expect(
          await local.read(m, ['rules'], 'all', async () =>
            (await m.query('SELECT name FROM cfg.rules ORDER BY name')).map((r: { name: string }) => r.name),
          ),
        ).toEqual(['inside', 'outside']);
        expect(await names(ds.manager)).toEqual([]);
      });
      expect(await names(ds.manager)).toEqual(['inside', 'outside']);

      // A rollback drops nothing.
      await expect(
        ds.transaction(async (m) => {
          local.touch(m, 'rules');
          await m.query('DELETE FROM cfg.rules');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      const loads = local.stats.misses;
      expect(await names(ds.manager)).toEqual(['inside', 'outside']);
      expect(local.stats.misses).toBe(loads);
    } finally {
      await local.stop();
      await ds.destroy();
    }
  });
});
