/**
 * npm run bench:messaging — the outbox backbone's figures on real PostgreSQL, on both transports:
 *  1. relay throughput: N events waiting in the outbox, time until all are published and applied
 *     by an inbox consumer (events/s);
 *  2. latency: a producer commits one event per transaction at a steady rate; the consumer notes
 *     commit → applied (p50/p99/max), woken by LISTEN/NOTIFY, not by the poll.
 */
import 'reflect-metadata';
import { createEnvelope, EventEnvelope, Topics } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import {
  createOutboxAndInboxSql,
  EventConsumers,
  KafkaTransport,
  LocalTransport,
  MessageTransport,
  OutboxRelay,
  OutboxWriter,
} from '@ticketing/messaging';
import { DataSource } from 'typeorm';
import { benchDatabase, benchKafka, percentile, progress, writeResults } from '../bench-infra';

const THROUGHPUT_EVENTS = Number(process.env.BENCH_EVENTS ?? 20000);
const LATENCY_RATE = Number(process.env.BENCH_RATE ?? 200); // events per second
const LATENCY_SECONDS = Number(process.env.BENCH_SECONDS ?? 10);

interface Figures {
  transport: string;
  relayEventsPerSecond: number;
  endToEndEventsPerSecond: number;
  latencyP50Ms: number;
  latencyP99Ms: number;
  latencyMaxMs: number;
  latencySamples: number;
}

async function run(kind: 'local' | 'kafka', url: string, brokers: string[] | null): Promise<Figures> {
  const schema = `bench_${kind}`;
  const ds = new DataSource({ type: 'postgres', url, extra: { max: 20 } });
  await ds.initialize();
  await ds.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  await ds.query(`CREATE SCHEMA ${schema}`);
  for (const sql of createOutboxAndInboxSql(schema)) await ds.query(sql);
  await ds.query(`CREATE TABLE ${schema}.effects (event_id uuid PRIMARY KEY, latency_ms double precision)`);

  const prefix = `bench${Date.now().toString(36)}.`;
  const transport: MessageTransport =
    kind === 'local'
      ? new LocalTransport()
      : new KafkaTransport({
          brokers: brokers!,
          clientId: 'bench',
          topicPrefix: prefix,
          partitions: 6,
          topics: [Topics.Ticket],
        });
  await transport.connect();
  const uow = new TransactionContext(ds);
  const consumers = new EventConsumers('bench', schema, ds, transport, 5);
  await consumers.register<EventEnvelope<{ sentAt?: number }>>({
    name: 'effects',
    topics: [Topics.Ticket],
    // The bench's own event type is not in the catalogue: take every envelope as it comes.
    decode: (e) => e as EventEnvelope<{ sentAt?: number }>,
    handle: async (e) => {
      const sentAt = e.payload.sentAt;
      // The effect joins the inbox transaction, as a repository's write does.
      await uow.writer.query(`INSERT INTO ${schema}.effects (event_id, latency_ms) VALUES ($1, $2)`, [
        e.id,
        sentAt ? Date.now() - sentAt : null,
      ]);
    },
  });
  const writer = new OutboxWriter(schema);
  const count = async () =>
    (await ds.query(`SELECT count(*)::int AS n FROM ${schema}.effects`))[0].n as number;

  // 1. Throughput: fill the outbox first, then let one relay drain it.
  progress(`${kind}: writing ${THROUGHPUT_EVENTS} events to the outbox`);
  for (let i = 0; i < THROUGHPUT_EVENTS; i += 1000) {
    const batch = Array.from({ length: Math.min(1000, THROUGHPUT_EVENTS - i) }, (_, j) =>
      createEnvelope({
        type: 'bench.event',
        aggregateId: `t-${(i + j) % 500}`,
        aggregateVersion: i + j,
        actor: { id: 'bench', role: 'system' },
        payload: {},
      }),
    );
    await ds.transaction((m) => writer.append(m, Topics.Ticket, batch));
  }
  const relay = new OutboxRelay({
    schema,
    dataSource: ds,
    transport,
    connectionString: url,
    pollIntervalMs: 30000,
  });
  const t0 = performance.now();
  relay.start();
  let published = 0;
  while (published < THROUGHPUT_EVENTS) {
    await new Promise((r) => setTimeout(r, 100));
    published = (
      await ds.query(`SELECT count(*)::int AS n FROM ${schema}.outbox WHERE published_at IS NOT NULL`)
    )[0].n;
  }
  const relaySeconds = (performance.now() - t0) / 1000;
  let applied = await count();
  while (applied < THROUGHPUT_EVENTS) {
    await new Promise((r) => setTimeout(r, 50));
    applied = await count();
    progress(`${kind}: applied ${applied}/${THROUGHPUT_EVENTS}`);
  }
  const e2eSeconds = (performance.now() - t0) / 1000;
  progress(
    `${kind}: relay ${Math.round(THROUGHPUT_EVENTS / relaySeconds)} events/s, end to end ${Math.round(THROUGHPUT_EVENTS / e2eSeconds)} events/s`,
  );

  // 2. Latency at a steady rate, one event per transaction, as a service writes them.
  await ds.query(`TRUNCATE ${schema}.effects`);
  const total = LATENCY_RATE * LATENCY_SECONDS;
  const started = performance.now();
  for (let i = 0; i < total; i++) {
    const due = started + (i * 1000) / LATENCY_RATE;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    await ds.transaction((m) =>
      writer.append(m, Topics.Ticket, [
        createEnvelope({
          type: 'bench.event',
          aggregateId: `l-${i % 50}`,
          aggregateVersion: i,
          actor: { id: 'bench', role: 'system' },
          payload: { sentAt: Date.now() },
        }),
      ]),
    );
    if (i % LATENCY_RATE === 0)
      progress(`${kind}: latency run ${Math.round(i / LATENCY_RATE)}/${LATENCY_SECONDS} s`);
  }
  while ((await count()) < total) await new Promise((r) => setTimeout(r, 50));
  const lat: number[] = (await ds.query(`SELECT latency_ms FROM ${schema}.effects ORDER BY latency_ms`)).map(
    (r: { latency_ms: number }) => r.latency_ms,
  );
  await relay.stop();
  await consumers.closeAll();
  await transport.close();
  await ds.query(`DROP SCHEMA ${schema} CASCADE`);
  await ds.destroy();
  return {
    transport: kind,
    relayEventsPerSecond: Math.round(THROUGHPUT_EVENTS / relaySeconds),
    endToEndEventsPerSecond: Math.round(THROUGHPUT_EVENTS / e2eSeconds),
    latencyP50Ms: Math.round(percentile(lat, 50) * 10) / 10,
    latencyP99Ms: Math.round(percentile(lat, 99) * 10) / 10,
    latencyMaxMs: Math.round(lat[lat.length - 1] * 10) / 10,
    latencySamples: lat.length,
  };
}

async function main() {
  const db = await benchDatabase('bench_messaging');
  const kafka = benchKafka();
  const results: Figures[] = [];
  try {
    results.push(await run('local', db.url, null));
    if (kafka.brokers) results.push(await run('kafka', db.url, kafka.brokers));
    else progress(`kafka: skipped (${kafka.reason})`);
  } finally {
    kafka.stop();
    await db.stop();
  }
  const md = [
    `Outbox backbone, ${new Date().toISOString()} (${THROUGHPUT_EVENTS} events for throughput; ${LATENCY_RATE}/s for ${LATENCY_SECONDS} s for latency)`,
    '',
    '| transport | relay events/s | relay+consume events/s | commit→applied p50 ms | p99 ms | max ms |',
    '|---|---|---|---|---|---|',
    ...results.map(
      (r) =>
        `| ${r.transport} | ${r.relayEventsPerSecond} | ${r.endToEndEventsPerSecond} | ${r.latencyP50Ms} | ${r.latencyP99Ms} | ${r.latencyMaxMs} |`,
    ),
  ].join('\n');
  writeResults('messaging', { at: new Date().toISOString(), results }, md);
  process.stdout.write(md + '\n');
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).stack}\n`);
    process.exit(1);
  },
);
