import { SettingsCache, SettingsChangeFeed, SettingsChangeHandlers } from './settings-cache';

/** A feed the test drives: up, down, and a table's change, when it says. */
class FakeFeed implements SettingsChangeFeed {
  handlers: SettingsChangeHandlers | undefined;
  start(h: SettingsChangeHandlers): void {
    this.handlers = h;
  }
  async stop(): Promise<void> {
    this.handlers = undefined;
  }
  up() {
    this.handlers!.up();
  }
  down() {
    this.handlers!.down();
  }
  changed(table: string) {
    this.handlers!.changed(table);
  }
}

describe('SettingsCache', () => {
  const pool = {};
  let feed: FakeFeed;
  let cache: SettingsCache;
  let loads: number;
  let value: string;
  const load = async () => {
    loads++;
    return value;
  };

  beforeEach(() => {
    feed = new FakeFeed();
    cache = new SettingsCache(feed);
    loads = 0;
    value = 'v1';
    cache.start();
  });

  it('reads the database until the feed is up, then once per key', async () => {
    feed = new FakeFeed();
    cache = new SettingsCache(feed);
    expect(feed.handlers).toBeUndefined();
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v1');
    expect(feed.handlers).toBeDefined(); // the first read started the feed
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v1');
    expect(loads).toBe(2);
    feed.up();
    await cache.read(pool, ['rules'], 'k', load);
    await cache.read(pool, ['rules'], 'k', load);
    await cache.read(pool, ['rules'], 'k2', load);
    expect(loads).toBe(4);
    expect(cache.stats).toEqual({ hits: 1, misses: 2, bypassed: 2, changes: 0 });
  });

  it('drops what was read from a table when the table changes, and only that', async () => {
    feed.up();
    await cache.read(pool, ['rules'], 'k', load);
    await cache.read(pool, ['departments', 'enterprises'], 'k', load);
    await cache.read(pool, ['policies'], 'k', load);
    value = 'v2';
    feed.changed('enterprises');
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v1');
    expect(await cache.read(pool, ['departments', 'enterprises'], 'k', load)).toBe('v2');
    expect(await cache.read(pool, ['policies'], 'k', load)).toBe('v1');
    expect(loads).toBe(4);
  });

  it('does not keep a load that began before a change it may not have seen', async () => {
    feed.up();
    let release!: () => void;
    const slow = () =>
      new Promise<string>((resolve) => {
        loads++;
        release = () => resolve('old');
      });
    const reading = cache.read(pool, ['rules'], 'k', slow);
    feed.changed('rules');
    release();
    expect(await reading).toBe('old');
    value = 'new';
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('new');
    expect(loads).toBe(2);
  });

  it('caches nothing while the feed is down, and forgets everything when it goes down', async () => {
    feed.up();
    await cache.read(pool, ['rules'], 'k', load);
    feed.down();
    value = 'v2';
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v2');
    value = 'v3';
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v3');
    feed.up();
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v3');
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v3');
    expect(loads).toBe(4);
  });

  it('lets a transaction that wrote a table read it from the database, and keeps nothing it read', async () => {
    feed.up();
    const tx = {};
    await cache.read(pool, ['rules'], 'k', load);
    cache.touch(tx, 'rules');
    value = 'uncommitted';
    expect(await cache.read(tx, ['rules'], 'k', load)).toBe('uncommitted');
    expect(await cache.read(tx, ['policies'], 'k', load)).toBe('uncommitted'); // another table: cached
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v1'); // others still see what was committed
    expect(loads).toBe(3);
  });

  it('lets a transaction read tables fresh without dropping anything when it ends', async () => {
    feed.up();
    const job = {};
    await cache.read(pool, ['rules'], 'k', load);
    cache.readFresh(job, ['rules']);
    value = 'committed elsewhere, not heard yet';
    expect(await cache.read(job, ['rules'], 'k', load)).toBe('committed elsewhere, not heard yet');
    expect(await cache.read(pool, ['rules'], 'k', load)).toBe('v1');
    expect(loads).toBe(2);
  });

  it('stops the feed on shutdown', async () => {
    await cache.read(pool, ['rules'], 'k', load);
    await cache.onModuleDestroy();
    expect(feed.handlers).toBeUndefined();
  });
});
