export interface OutgoingMessage {
  topic: string;
  key: string;
  /** The serialised event envelope. */
  value: string;
  headers?: Record<string, string>;
}

export interface IncomingMessage {
  topic: string;
  partition: number;
  offset: string;
  key: string;
  value: string;
  headers: Record<string, string>;
}

export interface Subscription {
  /** Stops consuming; messages in flight finish first. */
  close(): Promise<void>;
}

export interface SubscribeOptions {
  /** Consumer group: every group gets every message once; members of one group share the partitions. */
  groupId: string;
  topics: string[];
  /** Resolves when the message's effect is committed. Throwing means: try again. */
  handle(message: IncomingMessage): Promise<void>;
  /**
   * Optional: applies several messages at once, all or nothing: what queued for the group (the
   * in-process transport's lane) or a fetch's partition batches (Kafka's lane), each partition's
   * messages in their order. When it throws, the transport falls back to `handle` one message at a
   * time (with retries and dead-lettering), so one bad message never holds up or takes down its
   * neighbours.
   */
  handleBatch?(messages: IncomingMessage[]): Promise<void>;
  /** Largest batch given to handleBatch (default 100). */
  maxBatchSize?: number;
  /** Attempts before a message goes to the dead-letter topic. */
  maxAttempts?: number;
  /** Errors that retrying cannot fix (e.g. a malformed message) skip the remaining attempts. */
  isPermanent?(error: unknown): boolean;
  /** Start from the earliest retained message when the group is new (default true). */
  fromBeginning?: boolean;
  /**
   * One message batch of the group at a time (default false: keys in parallel, per-key order). For
   * a group whose every effect queues on one row anyway (the ledger's chain head): parallel batches
   * would only wait on each other, holding their transactions open, while one queue batches fuller.
   */
  serial?: boolean;
  /**
   * In-process transport: a lane that wakes waits this long before it takes its queue, so that what
   * arrives meanwhile shares one inbox transaction. For groups nobody waits on (copies, the ledger's chain,
   * notifications): at moderate load their lanes otherwise run one event per transaction.
   * In-process, the relay marks a batch published only when every group has applied it, so a
   * lingering group holds a relay slot that long (8 batches in flight by default). Kafka ignores
   * it: a fetch returns what arrived while the group applied the last one, and its lane applies
   * that together (a fetch that waited for more was measured and not taken: ADR 0024).
   */
  lingerMs?: number;
}

/**
 * How events travel between services. Both implementations give the same guarantees:
 * per-key order, at-least-once delivery to each group, and dead-lettering after N attempts
 * without holding up the messages behind.
 */
export interface MessageTransport {
  readonly kind: 'kafka' | 'local';
  connect(): Promise<void>;
  /** Resolves once the messages are durably accepted (Kafka: acked by all in-sync replicas). */
  publish(messages: OutgoingMessage[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<Subscription>;
  health(): Promise<{ ok: boolean; detail?: string }>;
  close(): Promise<void>;
}

export const MESSAGE_TRANSPORT = Symbol('MESSAGE_TRANSPORT');

export const DLQ_HEADERS = {
  error: 'x-dlq-error',
  attempts: 'x-dlq-attempts',
  originalTopic: 'x-dlq-original-topic',
  originalPartition: 'x-dlq-original-partition',
  originalOffset: 'x-dlq-original-offset',
  group: 'x-dlq-group',
  failedAt: 'x-dlq-failed-at',
} as const;

export function deadLetterHeaders(
  message: IncomingMessage,
  groupId: string,
  attempts: number,
  error: unknown,
): Record<string, string> {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return {
    ...message.headers,
    [DLQ_HEADERS.error]: text.slice(0, 2000),
    [DLQ_HEADERS.attempts]: String(attempts),
    [DLQ_HEADERS.originalTopic]: message.topic,
    [DLQ_HEADERS.originalPartition]: String(message.partition),
    [DLQ_HEADERS.originalOffset]: message.offset,
    [DLQ_HEADERS.group]: groupId,
    [DLQ_HEADERS.failedAt]: new Date().toISOString(),
  };
}

/** Exponential backoff with full jitter, capped. */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
  const exp = Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exp / 2 + Math.random() * (exp / 2));
}

/** A stable partition for a key (FNV-1a), so one key always lands in one lane. */
export function partitionFor(key: string, partitions: number): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < key.length; i++) {
    h ^= key.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) % partitions;
}
