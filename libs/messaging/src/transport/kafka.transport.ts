import { deadLetterTopic } from '@ticketing/contracts';
import {
  Admin,
  CompressionTypes,
  Consumer,
  EachBatchPayload,
  IHeaders,
  Kafka,
  KafkaMessage,
  logLevel,
  Producer,
} from 'kafkajs';
import { isTransientError } from '../transient-error';
import { GroupLane } from './group-lane';
import {
  backoffMs,
  deadLetterHeaders,
  IncomingMessage,
  MessageTransport,
  OutgoingMessage,
  SubscribeOptions,
  Subscription,
} from './message-transport';

export interface KafkaTransportOptions {
  brokers: string[];
  clientId: string;
  /** Partitions for topics we create; more partitions, more consumers working at once. */
  partitions?: number;
  replicationFactor?: number;
  /** Topics created up front (with their dead-letter topics) so consumers never race creation. */
  topics?: string[];
  retryBaseMs?: number;
  retryCapMs?: number;
  /** Prepended to topics and group ids on the wire; callers never see it. */
  topicPrefix?: string;
  /** How long connect() keeps trying before it gives up, and each later start-up step after it first failed. */
  connectTimeoutMs?: number;
  log?: (level: 'error' | 'warn' | 'info', message: string, extra?: Record<string, unknown>) => void;
  /** A stand-in for the kafkajs client, for unit tests of what this class does around it. */
  client?: Pick<Kafka, 'consumer' | 'producer' | 'admin'>;
}

export class KafkaUnreachableError extends Error {
  constructor(brokers: string[], cause: string) {
    super(`KAFKA_BROKERS=${brokers.join(',')} is unreachable: ${cause}`);
    this.name = 'KafkaUnreachableError';
  }
}

/**
 * Partition batches a lane-applying group takes side by side: more than any group's topics have
 * partitions (3 topics of 6 for the widest group), so that a fetch's batches all reach its lane at
 * once; a fetch with more waits for a later application.
 */
const LANE_PARTITIONS = 64;

function headersOf(headers: IHeaders | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(headers ?? {})) {
    if (v === undefined) continue;
    out[k] = Array.isArray(v) ? v.map(String).join(',') : v.toString();
  }
  return out;
}

/**
 * Kafka through kafkajs. The producer is idempotent and waits for all in-sync replicas; consumers
 * resolve and commit an offset only after the handler's transaction committed; a message that
 * keeps failing is copied to `<topic>.dlq` with its error and the partition moves on.
 */
export class KafkaTransport implements MessageTransport {
  readonly kind = 'kafka' as const;
  private readonly kafka: Kafka;
  private readonly producer: Producer;
  private readonly admin: Admin;
  private readonly consumers = new Set<Consumer>();
  /** Consumer groups whose consumer crashed and is not running yet (health says so). */
  private readonly deadGroups = new Set<string>();
  private connected = false;
  private readonly prefix: string;

  constructor(private readonly options: KafkaTransportOptions) {
    this.prefix = options.topicPrefix ?? '';
    const log = options.log;
    this.kafka =
      (options.client as Kafka | undefined) ??
      new Kafka({
        clientId: options.clientId,
        brokers: options.brokers,
        connectionTimeout: 3000,
        requestTimeout: 30000,
        retry: { initialRetryTime: 200, retries: 8, maxRetryTime: 5000 },
        logLevel: logLevel.WARN,
        logCreator:
          () =>
          ({ level, log: entry }) => {
            if (!log) return;
            const { message, ...extra } = entry;
            log(
              level <= logLevel.ERROR ? 'error' : level === logLevel.WARN ? 'warn' : 'info',
              `kafka: ${message}`,
              extra,
            );
          },
      });
    this.producer = this.kafka.producer({
      idempotent: true,
      maxInFlightRequests: 1,
      allowAutoTopicCreation: true,
      retry: { retries: 10, initialRetryTime: 200, maxRetryTime: 5000 },
    });
    this.admin = this.kafka.admin();
  }

  async connect(): Promise<void> {
    if (this.connected) return;
    await this.whileUnreachable('connecting', async () => {
      try {
        await this.admin.connect();
        await this.admin.describeCluster();
      } catch (e) {
        await this.admin.disconnect().catch(() => undefined);
        throw e;
      }
    });
    await this.whileUnreachable('creating topics', () => this.ensureTopics(this.options.topics ?? []));
    await this.whileUnreachable('connecting the producer', () => this.producer.connect());
    this.connected = true;
  }

  /**
   * A step of starting up (the first connection among them), run again while the broker is away:
   * it may be starting, or stop and restart while this process starts (a deploy, the fault test's
   * broker restart), and a service should wait for it, not exit. Gives up `connectTimeoutMs` after
   * the step first failed, with KafkaUnreachableError.
   */
  private async whileUnreachable<T>(step: string, run: () => Promise<T>): Promise<T> {
    let giveUpAt: number | undefined;
    for (;;) {
      try {
        return await run();
      } catch (e) {
        const now = Date.now();
        giveUpAt ??= now + (this.options.connectTimeoutMs ?? 15000);
        if (now > giveUpAt) throw new KafkaUnreachableError(this.options.brokers, (e as Error).message);
        this.options.log?.('warn', `kafka: ${step} failed; trying again`, { error: (e as Error).message });
        await new Promise((r) => setTimeout(r, 500));
      }
    }
  }

  async ensureTopics(topics: string[]): Promise<void> {
    if (!topics.length) return;
    const wanted = [...new Set(topics.flatMap((t) => [this.prefix + t, this.prefix + deadLetterTopic(t)]))];
    const existing = new Set(await this.admin.listTopics());
    const missing = wanted.filter((t) => !existing.has(t));
    if (!missing.length) return;
    await this.admin.createTopics({
      waitForLeaders: true,
      topics: missing.map((topic) => ({
        topic,
        numPartitions: this.options.partitions ?? 6,
        replicationFactor: this.options.replicationFactor ?? -1,
      })),
    });
  }

  async publish(messages: OutgoingMessage[]): Promise<void> {
    if (!messages.length) return;
    const byTopic = new Map<string, OutgoingMessage[]>();
    for (const m of messages) byTopic.set(m.topic, [...(byTopic.get(m.topic) ?? []), m]);
    await this.producer.sendBatch({
      acks: -1,
      compression: CompressionTypes.None,
      topicMessages: [...byTopic].map(([topic, list]) => ({
        topic: this.prefix + topic,
        messages: list.map((m) => ({ key: m.key, value: m.value, headers: m.headers })),
      })),
    });
  }

  async subscribe(options: SubscribeOptions): Promise<Subscription> {
    await this.whileUnreachable('creating topics', () => this.ensureTopics(options.topics));
    const handleBatch = options.handleBatch?.bind(options);
    const lane = handleBatch && new GroupLane(handleBatch, options.maxBatchSize ?? 100);
    let closed = false;
    let current: Consumer | null = null;
    let retry: ReturnType<typeof setTimeout> | undefined;
    let restarts = 0;
    // kafkajs restarts a crashed consumer only for errors it deems retriable; after any other crash
    // (seen once in the fault test: the ledger's group stopped for good at a broker restart while
    // the process stayed healthy) the consumer is made anew here, with backoff, until it runs.
    const start = async (): Promise<void> => {
      const consumer = this.newConsumer(options);
      current = consumer;
      this.consumers.add(consumer);
      consumer.on(consumer.events.CRASH, ({ payload }) => {
        if (payload.restart || closed) return;
        this.consumers.delete(consumer);
        this.deadGroups.add(options.groupId);
        this.options.log?.('error', 'consumer crashed and kafkajs will not restart it; starting it anew', {
          group: options.groupId,
          error: payload.error?.message,
        });
        void consumer.disconnect().catch(() => undefined);
        restart();
      });
      await consumer.connect();
      await consumer.subscribe({
        topics: options.topics.map((t) => this.prefix + t),
        fromBeginning: options.fromBeginning ?? true,
      });
      await consumer.run({
        autoCommit: true,
        autoCommitInterval: 1000,
        autoCommitThreshold: 200,
        eachBatchAutoResolve: false,
        // A group that applies batches takes all of a fetch's partition batches at once into its
        // lane (one application at a time); one that does not, three partitions side by side.
        partitionsConsumedConcurrently: lane ? LANE_PARTITIONS : options.serial ? 1 : 3,
        eachBatch: (payload) => this.eachBatch(options, lane, payload),
      });
      restarts = 0;
      this.deadGroups.delete(options.groupId);
    };
    const restart = () => {
      if (closed) return;
      retry = setTimeout(
        () => {
          start().catch((e: unknown) => {
            this.options.log?.('warn', 'consumer could not start again yet; retrying', {
              group: options.groupId,
              error: (e as Error).message,
            });
            if (current) {
              this.consumers.delete(current);
              void current.disconnect().catch(() => undefined);
            }
            restart();
          });
        },
        backoffMs(++restarts, 500, 10_000),
      );
    };
    // The first start waits for a broker that is away; a consumer half made by a failed attempt goes.
    await this.whileUnreachable(`starting consumer group ${options.groupId}`, () =>
      start().catch(async (e: unknown) => {
        if (current) {
          this.consumers.delete(current);
          await current.disconnect().catch(() => undefined);
        }
        throw e;
      }),
    );
    return {
      close: async () => {
        closed = true;
        clearTimeout(retry);
        this.deadGroups.delete(options.groupId);
        if (current) {
          this.consumers.delete(current);
          await current.disconnect();
        }
      },
    };
  }

  private newConsumer(options: SubscribeOptions): Consumer {
    return this.kafka.consumer({
      groupId: this.prefix + options.groupId,
      sessionTimeout: 10000,
      heartbeatInterval: 1000,
      rebalanceTimeout: 20000,
      allowAutoTopicCreation: false,
      maxWaitTimeInMs: 100,
      retry: { retries: 10, initialRetryTime: 300, maxRetryTime: 5000 },
    });
  }

  private async eachBatch(
    options: SubscribeOptions,
    lane: GroupLane<IncomingMessage> | undefined,
    payload: EachBatchPayload,
  ): Promise<void> {
    const { batch, resolveOffset, heartbeat, isRunning, isStale, commitOffsetsIfNecessary } = payload;
    const max = lane?.max ?? 1;
    for (let i = 0; i < batch.messages.length; i += max) {
      if (!isRunning() || isStale()) break;
      const raws = batch.messages.slice(i, i + max);
      const messages = raws.map((raw) =>
        this.toIncoming(batch.topic.slice(this.prefix.length), batch.partition, raw),
      );
      const applied = lane ? await lane.add(messages) : false;
      for (let j = 0; j < raws.length; j++) {
        if (!applied) await this.handleWithRetries(options, messages[j], heartbeat, isRunning);
        // Only now, with the effect committed, does the group's position move past this message.
        resolveOffset(raws[j].offset);
      }
      await heartbeat();
    }
    await commitOffsetsIfNecessary();
  }

  private toIncoming(topic: string, partition: number, raw: KafkaMessage): IncomingMessage {
    return {
      topic,
      partition,
      offset: raw.offset,
      key: raw.key?.toString() ?? '',
      value: raw.value?.toString() ?? '',
      headers: headersOf(raw.headers),
    };
  }

  private async handleWithRetries(
    options: SubscribeOptions,
    message: IncomingMessage,
    heartbeat: () => Promise<void>,
    isRunning: () => boolean,
  ): Promise<void> {
    const max = options.maxAttempts ?? 5;
    let outage = 0;
    for (let attempt = 1; ; attempt++) {
      try {
        await options.handle(message);
        return;
      } catch (error) {
        // The database being away is not the message's fault: hold the partition and wait for it.
        // On shutdown, give up without resolving the offset: the message is delivered again.
        if (isTransientError(error)) {
          if (!isRunning()) throw error;
          attempt--;
          if (++outage % 10 === 1) {
            this.options.log?.('warn', 'consumer waiting for its database', {
              group: options.groupId,
              topic: message.topic,
              error: (error as Error).message,
            });
          }
          await new Promise((r) => setTimeout(r, backoffMs(outage, 200, 10_000)));
          await heartbeat().catch(() => undefined);
          continue;
        }
        const permanent = options.isPermanent?.(error) ?? false;
        if (permanent || attempt >= max) {
          this.options.log?.('error', 'message dead-lettered', {
            group: options.groupId,
            topic: message.topic,
            partition: message.partition,
            offset: message.offset,
            attempts: attempt,
            error: (error as Error)?.message ?? String(error),
          });
          await this.producer.send({
            topic: this.prefix + deadLetterTopic(message.topic),
            acks: -1,
            messages: [
              {
                key: message.key,
                value: message.value,
                headers: deadLetterHeaders(message, options.groupId, attempt, error),
              },
            ],
          });
          return;
        }
        await new Promise((r) =>
          setTimeout(r, backoffMs(attempt, this.options.retryBaseMs ?? 100, this.options.retryCapMs ?? 5000)),
        );
        await heartbeat();
      }
    }
  }

  async health() {
    try {
      const cluster = await this.admin.describeCluster();
      if (this.deadGroups.size)
        return { ok: false, detail: `consumer not running: ${[...this.deadGroups].join(', ')}` };
      return { ok: true, detail: `${cluster.brokers.length} broker(s)` };
    } catch (e) {
      return { ok: false, detail: (e as Error).message };
    }
  }

  async close(): Promise<void> {
    await Promise.all([...this.consumers].map((c) => c.disconnect().catch(() => undefined)));
    this.consumers.clear();
    await this.producer.disconnect().catch(() => undefined);
    await this.admin.disconnect().catch(() => undefined);
    this.connected = false;
  }
}
