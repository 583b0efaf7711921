import { TransactionContext } from '@ticketing/database';
import { Topics } from '@ticketing/contracts';
import { eventually } from '@ticketing/testing';
import { DataSource } from 'typeorm';
import {
  EventConsumers,
  InboxProcessor,
  LocalTransport,
  MessageTransport,
  OutboxNeedsTransactionError,
  OutboxRelay,
  OutboxWriter,
  OutgoingMessage,
} from '../src';
import { messagingDatabase, numberedEvent, SCHEMA, asTestEvent } from './fixtures';

describe('outbox, relay and inbox on PostgreSQL with the local transport', () => {
  let ds: DataSource;
  let url: string;
  let drop: () => Promise<void>;
  const writer = new OutboxWriter(SCHEMA);

  beforeAll(async () => ({ ds, url, drop } = await messagingDatabase()));
  afterAll(() => drop());
  beforeEach(async () => {
    await ds.query(`TRUNCATE ${SCHEMA}.outbox, ${SCHEMA}.inbox, ${SCHEMA}.things, ${SCHEMA}.applied`);
  });

  it('commits a state change and its outbox row together', async () => {
    await ds.transaction(async (m) => {
      await m.query(`INSERT INTO ${SCHEMA}.things (id) VALUES ('a')`);
      await writer.append(m, Topics.Ticket, [numberedEvent('a', 1)]);
    });
    expect(await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.things`)).toEqual([{ n: 1 }]);
    expect(await ds.query(`SELECT key, type, topic FROM ${SCHEMA}.outbox`)).toEqual([
      { key: 'a', type: 'test.numbered', topic: Topics.Ticket },
    ]);
  });

  it('leaves neither the state change nor the outbox row when the transaction fails after the write', async () => {
    await expect(
      ds.transaction(async (m) => {
        await m.query(`INSERT INTO ${SCHEMA}.things (id) VALUES ('b')`);
        await writer.append(m, Topics.Ticket, [numberedEvent('b', 1)]);
        throw new Error('crash after the write');
      }),
    ).rejects.toThrow('crash after the write');
    expect(await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.things`)).toEqual([{ n: 0 }]);
    expect(await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox`)).toEqual([{ n: 0 }]);
  });

  it('applies a batch in one transaction, skipping events already applied and repeats within the batch', async () => {
    const inbox = new InboxProcessor(ds, SCHEMA, 'batcher');
    const [e1, e2, e3] = [numberedEvent('b', 1), numberedEvent('b', 2), numberedEvent('b', 3)];
    const seen: number[] = [];
    const effect = async (e: { payload: Record<string, unknown> }) => {
      seen.push((e.payload as { n: number }).n);
    };
    expect(await inbox.process(Topics.Ticket, e1, effect)).toBe(true);
    const items = [e1, e2, e2, e3].map((event) => ({ topic: Topics.Ticket, event }));
    expect(await inbox.processBatch(items, effect)).toBe(2);
    expect(seen).toEqual([1, 2, 3]);
    // All or nothing: a failing effect leaves no inbox row, so the batch can be retried.
    const e4 = numberedEvent('b', 4);
    await expect(
      inbox.processBatch([{ topic: Topics.Ticket, event: e4 }], async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(
      await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.inbox WHERE event_id = $1`, [e4.id]),
    ).toEqual([{ n: 0 }]);
  });

  it('refuses to write outside a transaction', async () => {
    await expect(writer.append(ds.manager, Topics.Ticket, [numberedEvent('c', 1)])).rejects.toThrow(
      OutboxNeedsTransactionError,
    );
  });

  it('delivers again an event whose relay died between publishing and marking, and the consumer applies it once', async () => {
    const delivered: string[] = [];
    const local = new LocalTransport();
    // Counts every delivery the transport makes, duplicates included.
    const transport: MessageTransport = {
      kind: 'local',
      connect: () => local.connect(),
      publish: async (msgs: OutgoingMessage[]) => {
        delivered.push(...msgs.map((m) => m.key));
        await local.publish(msgs);
      },
      subscribe: (o) => local.subscribe(o),
      health: () => local.health(),
      close: () => local.close(),
    };
    const consumers = new EventConsumers('test', SCHEMA, ds, transport, 3);
    await consumers.register({
      name: 'applier',
      topics: [Topics.Ticket],
      decode: asTestEvent,
      handle: async (e) => {
        const m = new TransactionContext(ds).writer; // the inbox transaction
        const p = e.payload as { key: string; n: number };
        await m.query(`INSERT INTO ${SCHEMA}.applied (key, n, consumer) VALUES ($1, $2, 'applier')`, [
          p.key,
          p.n,
        ]);
      },
    });
    await ds.transaction((m) =>
      writer.append(m, Topics.Ticket, [numberedEvent('k1', 1), numberedEvent('k1', 2)]),
    );

    // Relay 1 publishes, then hangs before marking; we kill its database session, as a crash would.
    let published!: () => void;
    const publishedSignal = new Promise<void>((r) => (published = r));
    const relay1Ds = new DataSource({ type: 'postgres', url, applicationName: 'relay-one' });
    await relay1Ds.initialize();
    const relay1 = new OutboxRelay({
      schema: SCHEMA,
      dataSource: relay1Ds,
      transport,
      connectionString: url,
      afterPublish: async () => {
        published();
        await new Promise(() => undefined); // never returns: the process is "killed" here
      },
    });
    const stuck = relay1.drainOnce().catch((e: Error) => e);
    await publishedSignal;
    await ds.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relay-one' AND state = 'idle in transaction'`,
    );
    // The session ends (and its transaction rolls back) a moment after the signal.
    await eventually(
      async () =>
        (
          await ds.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'relay-one' AND state = 'idle in transaction'`,
          )
        )[0].n === 0,
      10000,
    );
    void stuck;
    expect(delivered).toEqual(['k1', 'k1']);
    expect(
      await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`),
    ).toEqual([{ n: 2 }]);

    // Relay 2 (a restarted process) publishes the same events again.
    const relay2 = new OutboxRelay({ schema: SCHEMA, dataSource: ds, transport, connectionString: url });
    expect(await relay2.drainOnce()).toBe(2);
    expect(delivered).toEqual(['k1', 'k1', 'k1', 'k1']);
    expect(await ds.query(`SELECT n FROM ${SCHEMA}.applied ORDER BY serial`)).toEqual([{ n: 1 }, { n: 2 }]);
    expect(
      await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`),
    ).toEqual([{ n: 0 }]);
    await relay1Ds.destroy().catch(() => undefined);
    await consumers.closeAll();
  });

  it('wakes on NOTIFY, keeps per-key order, and dead-letters a message that keeps failing without holding up the rest', async () => {
    const local = new LocalTransport({ retryBaseMs: 1, retryCapMs: 5 });
    const consumers = new EventConsumers('test', SCHEMA, ds, local, 3);
    const dead: string[] = [];
    await local.subscribe({
      groupId: 'dlq-watcher',
      topics: [`${Topics.Ticket}.dlq`],
      handle: async (m) => {
        dead.push(`${m.key}:${m.headers['x-dlq-attempts']}:${m.headers['x-dlq-error']}`);
      },
    });
    let attemptsOnPoison = 0;
    await consumers.register({
      name: 'applier',
      topics: [Topics.Ticket],
      decode: asTestEvent,
      handle: async (e) => {
        const m = new TransactionContext(ds).writer; // the inbox transaction
        const p = e.payload as { key: string; n: number };
        if (p.key === 'poison') {
          attemptsOnPoison++;
          throw new Error('cannot apply this one');
        }
        await m.query(`INSERT INTO ${SCHEMA}.applied (key, n, consumer) VALUES ($1, $2, 'applier')`, [
          p.key,
          p.n,
        ]);
      },
    });
    const relay = new OutboxRelay({
      schema: SCHEMA,
      dataSource: ds,
      transport: local,
      connectionString: url,
      pollIntervalMs: 60000,
    });
    relay.start();
    try {
      await new Promise((r) => setTimeout(r, 300)); // let the listener connect
      const events = [];
      for (let n = 1; n <= 50; n++) for (const key of ['a', 'b', 'c']) events.push(numberedEvent(key, n));
      events.splice(10, 0, numberedEvent('poison', 1));
      await ds.transaction((m) => writer.append(m, Topics.Ticket, events));
      const count = await eventually(
        async () => (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.applied`))[0].n === 150,
        10000,
      );
      expect(count).toBe(true); // the poll is a minute away: only NOTIFY can have woken the relay
      for (const key of ['a', 'b', 'c']) {
        const rows: { n: number }[] = await ds.query(
          `SELECT n FROM ${SCHEMA}.applied WHERE key = $1 ORDER BY serial`,
          [key],
        );
        expect(rows.map((r) => r.n)).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
      }
      // 3 attempts one at a time, plus possibly one inside a batch that then fell back.
      expect(attemptsOnPoison).toBeGreaterThanOrEqual(3);
      expect(attemptsOnPoison).toBeLessThanOrEqual(4);
      expect(dead).toEqual(['poison:3:Error: cannot apply this one']);
      // Events that queued up behind a busy lane were applied several per transaction.
      const [{ rows, commits }] = await ds.query(
        `SELECT count(*)::int AS rows, count(DISTINCT processed_at)::int AS commits FROM ${SCHEMA}.inbox`,
      );
      expect(rows).toBe(150);
      expect(commits).toBeLessThan(150);
    } finally {
      await relay.stop();
      await consumers.closeAll();
    }
  });
  it('with batches in flight, lets a fast group run ahead of a slow one, in per-key order, marking each row once every group applied it', async () => {
    const local = new LocalTransport();
    const consumers = new EventConsumers('test', SCHEMA, ds, local, 3);
    await consumers.register({
      name: 'fast',
      topics: [Topics.Ticket],
      decode: asTestEvent,
      handle: async (e) => {
        const m = new TransactionContext(ds).writer; // the inbox transaction
        const p = e.payload as { key: string; n: number };
        await m.query(`INSERT INTO ${SCHEMA}.applied (key, n, consumer) VALUES ($1, $2, 'fast')`, [
          p.key,
          p.n,
        ]);
      },
    });
    // The slow group holds its first message until released (a ledger far behind, say).
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const slow: string[] = [];
    const slowSubscription = await local.subscribe({
      groupId: 'slow',
      topics: [Topics.Ticket],
      handle: async (m) => {
        await gate;
        const { payload } = JSON.parse(m.value) as { payload: { key: string; n: number } };
        slow.push(`${payload.key}:${payload.n}`);
      },
    });
    const relay = (pollIntervalMs: number) =>
      new OutboxRelay({
        schema: SCHEMA,
        dataSource: ds,
        transport: local,
        connectionString: url,
        pollIntervalMs,
        pipelineDepth: 4,
      });
    const first = relay(60_000);
    const standby = relay(200);
    first.start();
    await new Promise((r) => setTimeout(r, 300)); // the first leads and listens before the standby tries
    standby.start();
    const fast = async () =>
      (
        (await ds.query(`SELECT key, n FROM ${SCHEMA}.applied WHERE consumer = 'fast' ORDER BY serial`)) as {
          key: string;
          n: number;
        }[]
      ).map((r) => `${r.key}:${r.n}`);
    const unpublished = async () =>
      (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.outbox WHERE published_at IS NULL`))[0].n;
    try {
      await ds.transaction((m) => writer.append(m, Topics.Ticket, [numberedEvent('k1', 1)]));
      expect(await eventually(async () => (await fast()).length === 1, 10_000)).toBe(true);
      // A second batch while the first is still held by the slow group: the fast group gets it now.
      await ds.transaction((m) =>
        writer.append(m, Topics.Ticket, [numberedEvent('k2', 1), numberedEvent('k1', 2)]),
      );
      expect(await eventually(async () => (await fast()).length === 3, 10_000)).toBe(true);
      // Order is kept per key; k2's event may land before or after k1's second.
      const applied = await fast();
      expect(applied.filter((x) => x.startsWith('k1'))).toEqual(['k1:1', 'k1:2']);
      expect(applied).toContain('k2:1');
      // Not marked before every group applied them: k1's events wait behind the slow group's gate.
      expect(await unpublished()).toBeGreaterThanOrEqual(2);
      expect(slow.filter((x) => x.startsWith('k1'))).toEqual([]);
      // One relay leads (one session holds the advisory lock); the other stands by.
      const [{ locks }] = await ds.query(
        `SELECT count(*)::int AS locks FROM pg_locks WHERE locktype = 'advisory' AND granted
           AND database = (SELECT oid FROM pg_database WHERE datname = current_database())`,
      );
      expect(locks).toBe(1);

      release();
      expect(await eventually(async () => (await unpublished()) === 0, 10_000)).toBe(true);
      expect(slow.filter((x) => x.startsWith('k1'))).toEqual(['k1:1', 'k1:2']);
      expect(slow).toContain('k2:1');

      // The leader stops; the standby takes over and publishes what comes next.
      await first.stop();
      await ds.transaction((m) => writer.append(m, Topics.Ticket, [numberedEvent('k1', 3)]));
      expect(await eventually(async () => (await unpublished()) === 0, 10_000)).toBe(true);
      expect(await eventually(async () => (await fast()).length === 4, 10_000)).toBe(true);
      expect((await fast()).filter((x) => x.startsWith('k1'))).toEqual(['k1:1', 'k1:2', 'k1:3']);
      expect(slow.slice(-1)).toEqual(['k1:3']);
    } finally {
      release();
      await first.stop();
      await standby.stop();
      await slowSubscription.close();
      await consumers.closeAll();
    }
  });
});
