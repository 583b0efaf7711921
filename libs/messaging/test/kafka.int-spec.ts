import { TransactionContext } from '@ticketing/database';
import { deadLetterTopic, Topics } from '@ticketing/contracts';
import { describeWithKafka, eventually, testKafkaBrokers } from '@ticketing/testing';
import { Kafka, logLevel } from 'kafkajs';
import { DataSource } from 'typeorm';
import { DLQ_HEADERS, EventConsumers, KafkaTransport, OutboxRelay, OutboxWriter } from '../src';
import { messagingDatabase, numberedEvent, SCHEMA, asTestEvent } from './fixtures';

const uniquePrefix = () => `t${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}.`;

describeWithKafka('messaging on a real Kafka broker', () => {
  let ds: DataSource;
  let url: string;
  let drop: () => Promise<void>;
  const writer = new OutboxWriter(SCHEMA);
  const transports: KafkaTransport[] = [];

  const transport = async (prefix: string) => {
    const t = new KafkaTransport({
      brokers: testKafkaBrokers()!,
      clientId: 'test',
      topicPrefix: prefix,
      partitions: 4,
      topics: [Topics.Ticket],
      retryBaseMs: 10,
      retryCapMs: 50,
    });
    await t.connect();
    transports.push(t);
    return t;
  };

  beforeAll(async () => ({ ds, url, drop } = await messagingDatabase()));
  afterAll(async () => {
    await Promise.all(transports.map((t) => t.close()));
    await drop();
  });
  beforeEach(async () => {
    await ds.query(`TRUNCATE ${SCHEMA}.outbox, ${SCHEMA}.inbox, ${SCHEMA}.applied`);
  });

  /** Records each event it applies, by `member`, or (`byTransaction`) by the transaction that applied it. */
  const applier = (member: string, byTransaction = false) => ({
    name: 'applier',
    topics: [Topics.Ticket],
    decode: asTestEvent,
    handle: async (e: { payload: Record<string, unknown> }) => {
      const m = new TransactionContext(ds).writer; // the inbox transaction
      const p = e.payload as { key: string; n: number };
      await m.query(
        `INSERT INTO ${SCHEMA}.applied (key, n, consumer) VALUES ($1, $2, ${byTransaction ? 'txid_current()::text' : '$3'})`,
        byTransaction ? [p.key, p.n] : [p.key, p.n, member],
      );
    },
  });

  it('delivers 10,000 events over 20 keys in per-key order, none lost and none applied twice, while one of two consumers restarts', async () => {
    const prefix = uniquePrefix();
    const producer = await transport(prefix);
    const memberA = new EventConsumers('test', SCHEMA, ds, await transport(prefix), 5);
    let transportB = await transport(prefix);
    let memberB = new EventConsumers('test', SCHEMA, ds, transportB, 5);
    await memberA.register(applier('a') as never);
    await memberB.register(applier('b') as never);

    const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
    const events = [];
    for (let n = 1; n <= 500; n++) for (const key of keys) events.push(numberedEvent(key, n));
    for (let i = 0; i < events.length; i += 1000) {
      await ds.transaction((m) => writer.append(m, Topics.Ticket, events.slice(i, i + 1000)));
    }
    const relay = new OutboxRelay({
      schema: SCHEMA,
      dataSource: ds,
      transport: producer,
      connectionString: url,
    });
    relay.start();
    const applied = async () =>
      (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.applied`))[0].n as number;
    try {
      await eventually(async () => (await applied()) >= 2000, 120000);
      await memberB.closeAll(); // one member leaves mid-stream; the group rebalances onto A
      await transportB.close();
      const whileDown = await applied();
      await eventually(async () => (await applied()) >= Math.min(whileDown + 2000, 8000), 120000);
      transportB = await transport(prefix); // and comes back
      memberB = new EventConsumers('test', SCHEMA, ds, transportB, 5);
      await memberB.register(applier('b') as never);
      await eventually(async () => (await applied()) >= 10000, 180000, 200);
      await new Promise((r) => setTimeout(r, 2000)); // anything applied twice would show up by now
    } finally {
      await relay.stop();
    }
    expect(await applied()).toBe(10000);
    const rows: { key: string; ns: number[] }[] = await ds.query(
      `SELECT key, array_agg(n ORDER BY serial) AS ns FROM ${SCHEMA}.applied GROUP BY key`,
    );
    expect(rows).toHaveLength(20);
    for (const r of rows) expect(r.ns).toEqual(Array.from({ length: 500 }, (_, i) => i + 1));
    const members: { consumer: string }[] = await ds.query(`SELECT DISTINCT consumer FROM ${SCHEMA}.applied`);
    expect(members.map((m) => m.consumer).sort()).toEqual(['a', 'b']); // both members really worked
    await memberA.closeAll();
    await memberB.closeAll();
  });

  it('applies the partition batches of one fetch together, in one transaction, each key in order', async () => {
    const prefix = uniquePrefix();
    const t = await transport(prefix);
    // Published before the group starts, so its first fetch finds every partition's share waiting.
    const keys = Array.from({ length: 20 }, (_, i) => `key-${i}`);
    await t.publish(
      [1, 2].flatMap((n) =>
        keys.map((key) => ({ topic: Topics.Ticket, key, value: JSON.stringify(numberedEvent(key, n)) })),
      ),
    );
    const admin = new Kafka({
      brokers: testKafkaBrokers()!,
      clientId: 'offsets',
      logLevel: logLevel.WARN,
    }).admin();
    await admin.connect();
    const withData = (await admin.fetchTopicOffsets(prefix + Topics.Ticket)).filter(
      (p) => Number(p.high) > 0,
    );
    await admin.disconnect();
    const consumers = new EventConsumers('test', SCHEMA, ds, t, 3);
    await consumers.register(applier('by transaction', true) as never);
    try {
      await eventually(
        async () => (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.applied`))[0].n === 40,
        60000,
      );
    } finally {
      await consumers.closeAll();
    }
    expect(withData.length).toBeGreaterThan(1); // 20 keys over 4 partitions
    const transactions: { n: number }[] = await ds.query(
      `SELECT count(DISTINCT consumer)::int AS n FROM ${SCHEMA}.applied`,
    );
    // One transaction per partition batch would be at least one per partition holding events.
    expect(transactions[0].n).toBeLessThan(withData.length);
    const rows: { key: string; ns: number[] }[] = await ds.query(
      `SELECT key, array_agg(n ORDER BY serial) AS ns FROM ${SCHEMA}.applied GROUP BY key`,
    );
    expect(rows).toHaveLength(20);
    for (const r of rows) expect(r.ns).toEqual([1, 2]);
  });

  it('sends a poison message to the dead-letter topic after the configured attempts and keeps the partition flowing', async () => {
    const prefix = uniquePrefix();
    const t = await transport(prefix);
    let poisonAttempts = 0;
    const consumers = new EventConsumers('test', SCHEMA, ds, t, 3);
    await consumers.register({
      name: 'applier',
      topics: [Topics.Ticket],
      decode: asTestEvent,
      handle: async (e) => {
        const m = new TransactionContext(ds).writer; // the inbox transaction
        const p = e.payload as { key: string; n: number };
        if (p.n === 2) {
          poisonAttempts++;
          throw new Error('refused: n=2 is poison');
        }
        await m.query(`INSERT INTO ${SCHEMA}.applied (key, n, consumer) VALUES ($1, $2, 'x')`, [p.key, p.n]);
      },
    });
    // Same key, so the same partition: 1, poison 2, a malformed message, then 3..5 behind them.
    await t.publish([
      { topic: Topics.Ticket, key: 'same', value: JSON.stringify(numberedEvent('same', 1)) },
      { topic: Topics.Ticket, key: 'same', value: JSON.stringify(numberedEvent('same', 2)) },
      { topic: Topics.Ticket, key: 'same', value: '{not json' },
      ...[3, 4, 5].map((n) => ({
        topic: Topics.Ticket,
        key: 'same',
        value: JSON.stringify(numberedEvent('same', n)),
      })),
    ]);

    const dead: { value: string; headers: Record<string, string> }[] = [];
    const kafka = new Kafka({
      brokers: testKafkaBrokers()!,
      clientId: 'dlq-reader',
      logLevel: logLevel.WARN,
    });
    const reader = kafka.consumer({ groupId: `${prefix}dlq-reader` });
    await reader.connect();
    await reader.subscribe({ topic: prefix + deadLetterTopic(Topics.Ticket), fromBeginning: true });
    await reader.run({
      eachMessage: async ({ message }) => {
        const headers: Record<string, string> = {};
        for (const [k, v] of Object.entries(message.headers ?? {})) headers[k] = String(v);
        dead.push({ value: message.value!.toString(), headers });
      },
    });
    try {
      await eventually(
        async () => (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.applied`))[0].n === 4,
        60000,
      );
      await eventually(() => dead.length === 2, 60000);
    } finally {
      await reader.disconnect();
      await consumers.closeAll();
    }
    const ns: { n: number }[] = await ds.query(`SELECT n FROM ${SCHEMA}.applied ORDER BY serial`);
    expect(ns.map((r) => r.n)).toEqual([1, 3, 4, 5]);
    expect(poisonAttempts).toBeGreaterThanOrEqual(3); // 3 one at a time, plus possibly one in a batch
    expect(poisonAttempts).toBeLessThanOrEqual(4);
    const poison = dead.find((d) => d.value.includes('"n":2'))!;
    expect(poison.headers[DLQ_HEADERS.attempts]).toBe('3');
    expect(poison.headers[DLQ_HEADERS.error]).toBe('Error: refused: n=2 is poison');
    expect(poison.headers[DLQ_HEADERS.group]).toBe('test.applier');
    const malformed = dead.find((d) => d.value === '{not json')!;
    expect(malformed.headers[DLQ_HEADERS.attempts]).toBe('1'); // not retried: retrying cannot fix it
    expect(malformed.headers[DLQ_HEADERS.error]).toMatch(
      /InvalidEnvelopeError: invalid event envelope: not JSON/,
    );
  });

  it('delivers again an event whose relay died between publishing and marking; the consumer applies it once', async () => {
    const prefix = uniquePrefix();
    const t = await transport(prefix);
    const consumers = new EventConsumers('test', SCHEMA, ds, await transport(prefix), 3);
    await consumers.register(applier('x') as never);
    await ds.transaction((m) =>
      writer.append(m, Topics.Ticket, [numberedEvent('k', 1), numberedEvent('k', 2)]),
    );

    const relayDs = new DataSource({ type: 'postgres', url, applicationName: 'relay-kafka-one' });
    await relayDs.initialize();
    let published!: () => void;
    const publishedSignal = new Promise<void>((r) => (published = r));
    const relay1 = new OutboxRelay({
      schema: SCHEMA,
      dataSource: relayDs,
      transport: t,
      connectionString: url,
      afterPublish: async () => {
        published();
        await new Promise(() => undefined);
      },
    });
    void relay1.drainOnce().catch(() => undefined);
    await publishedSignal;
    await ds.query(
      `SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = 'relay-kafka-one' AND state = 'idle in transaction'`,
    );
    // The session ends (and its transaction rolls back) a moment after the signal.
    await eventually(
      async () =>
        (
          await ds.query(
            `SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = 'relay-kafka-one' AND state = 'idle in transaction'`,
          )
        )[0].n === 0,
      10000,
    );
    const relay2 = new OutboxRelay({ schema: SCHEMA, dataSource: ds, transport: t, connectionString: url });
    expect(await relay2.drainOnce()).toBe(2); // published a second time
    await eventually(
      async () => (await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.applied`))[0].n === 2,
      30000,
    );
    await new Promise((r) => setTimeout(r, 1500));
    const rows: { n: number }[] = await ds.query(`SELECT n FROM ${SCHEMA}.applied ORDER BY serial`);
    expect(rows.map((r) => r.n)).toEqual([1, 2]);
    const inbox = await ds.query(`SELECT count(*)::int AS n FROM ${SCHEMA}.inbox`);
    expect(inbox).toEqual([{ n: 2 }]);
    await consumers.closeAll();
    await relayDs.destroy().catch(() => undefined);
  });
});
