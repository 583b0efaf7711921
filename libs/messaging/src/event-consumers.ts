import {
  DomainEvent,
  EventEnvelope,
  InvalidEnvelopeError,
  parseEnvelope,
  toDomainEvent,
} from '@ticketing/contracts';
import { Correlation, counter } from '@ticketing/observability';
import { DataSource } from 'typeorm';
import { InboxProcessor } from './inbox/inbox.processor';
import { MessagingLifecycle } from './messaging-lifecycle';
import { IncomingMessage, MessageTransport, Subscription } from './transport/message-transport';

/** What a consumer needs of an event besides its payload: the envelope's ids. */
export type ConsumedEvent = Pick<EventEnvelope<unknown>, 'id' | 'type' | 'correlationId'>;

export interface EventConsumerDefinition<E extends ConsumedEvent = DomainEvent> {
  /** Unique within the service; with the service name it is the consumer group and the inbox key. */
  name: string;
  topics: string[];
  /**
   * Applies one event inside the inbox transaction, which is the ambient unit of work: build a
   * command and send it on the bus; the repositories its handler uses join the transaction.
   * Ignore types you do not handle (`switch (event.type)` narrows the payload).
   */
  handle(event: E): Promise<void>;
  /**
   * Optional: applies a whole delivered chunk at once. Called once per batch with the events the
   * inbox has not seen (duplicates dropped), in delivery order, inside the same inbox transaction:
   * all or nothing, like `handle`. `handle` stays the path for single messages and for the
   * one-by-one retry after a failed batch, so both must have the same effect.
   *
   * It runs under the FIRST fresh event's correlation id (causation = that event). A consumer whose
   * effect reads the context (e.g. writes outbox events, which take their correlation from it) must
   * run each event's part inside `Correlation.run(e.correlationId, …, e.id)` itself, or not provide
   * `handleMany`.
   */
  handleMany?(events: E[]): Promise<void>;
  maxAttempts?: number;
  /** Events applied per transaction at most (default 100; 1 turns batching off). */
  maxBatchSize?: number;
  /** One batch at a time for the whole group, in delivery order (see SubscribeOptions.serial). */
  serial?: boolean;
  /** Wait this long before applying what queued, to apply more per transaction (see SubscribeOptions.lingerMs). */
  lingerMs?: number;
  /**
   * The event types the consumer applies, when it applies only some of its topics' types. Others
   * are skipped before the inbox (counted as skipped, no transaction, no inbox row): a ticket's
   * lifecycle publishes some twenty events, and a consumer that acts on five of them paid a
   * transaction for each of the other fifteen. Absent: every type goes to `handle`.
   */
  types?: readonly string[];
  /**
   * From a checked envelope to the event the handlers take; null: not for this consumer (skipped,
   * counted, offset moves on). Default: the event catalogue of @ticketing/contracts, which checks
   * the payload against its type's class and skips types this build does not know. Throwing
   * InvalidEnvelopeError dead-letters the message at once.
   */
  decode?: (envelope: EventEnvelope<unknown>) => E | null;
}

/**
 * What a delivered message decodes to, once per message object: the in-process transport hands the
 * same IncomingMessage to every group subscribed to its topic (six for a ticket event), and the
 * envelope's check (class-validator, whose metadata lookup scans every validated class) cost each
 * of them as much as the effect itself. Deep-frozen, since the groups now share it: a consumer that
 * tried to change the event it was given would throw instead of changing it for the next group.
 */
type Decoded = { ok: true; value: unknown } | { ok: false; error: unknown };
const envelopes = new WeakMap<IncomingMessage, Decoded>();
const events = new WeakMap<object, Decoded>();

function once<K extends object>(cache: WeakMap<K, Decoded>, m: K, f: () => unknown): unknown {
  let d = cache.get(m);
  if (!d) {
    try {
      d = { ok: true, value: f() };
    } catch (error) {
      d = { ok: false, error };
    }
    cache.set(m, d);
  }
  if (!d.ok) throw d.error;
  return d.value;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

const checkedEnvelope = (m: IncomingMessage): EventEnvelope<unknown> =>
  once(envelopes, m, () => deepFreeze(parseEnvelope(m.value))) as EventEnvelope<unknown>;
/**
 * toDomainEvent (the payload checked against its type's class), once per delivered envelope: for
 * a consumer's own `decode` that starts from the catalogue (the ledger's), like the default one.
 */
export const catalogueEvent = (envelope: EventEnvelope<unknown>): DomainEvent | null =>
  once(events, envelope, () => toDomainEvent(envelope)) as DomainEvent | null;
const defaultDecode = (m: IncomingMessage): DomainEvent | null => catalogueEvent(checkedEnvelope(m));

/**
 * The linger of groups that nobody waits on: ticket copies, notifications, the ledger's chain. At
 * moderate load (the load bench's 10 tickets/s with their whole lifecycle: 18 events per ticket in
 * its ledger table, so about 180 events/s) their lanes otherwise ran one event per inbox
 * transaction; 50 ms gathers several, and no person notices 50 ms on a copy, a notification or a
 * ledger entry. Not for a group on the path a person waits on (dispatch's routing, the ticket's
 * assignment).
 */
export const BACKGROUND_LINGER_MS = 50;

const applied = counter('events_applied_total', 'Events applied by consumers', ['consumer']);
const duplicates = counter('events_duplicate_total', 'Redelivered events skipped by the inbox', ['consumer']);
const skipped = counter('events_skipped_total', 'Events of types a consumer does not take', ['consumer']);

/**
 * Subscribes a service's consumers to the transport: each message is parsed and checked (envelope,
 * then payload against the event catalogue), handled under its correlation id, and applied through
 * the inbox exactly once. A malformed message is dead-lettered at once; other failures are retried
 * by the transport, then dead-lettered.
 */
export class EventConsumers {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly service: string,
    private readonly schema: string,
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    private readonly defaultMaxAttempts: number,
    /** Given by the app shell: subscriptions wait for the application to be initialised. Absent: at once. */
    private readonly lifecycle?: MessagingLifecycle,
  ) {}

  groupId(name: string): string {
    return `${this.service}.${name}`;
  }

  async register<E extends ConsumedEvent = DomainEvent>(def: EventConsumerDefinition<E>): Promise<void> {
    if (this.lifecycle) return this.lifecycle.whenStarted(() => this.subscribe(def));
    return this.subscribe(def);
  }

  private async subscribe<E extends ConsumedEvent>(def: EventConsumerDefinition<E>): Promise<void> {
    const group = this.groupId(def.name);
    const inbox = new InboxProcessor(this.dataSource, this.schema, group);
    const wanted = def.types && new Set(def.types);
    const decode: (m: IncomingMessage) => E | null = def.decode
      ? (m) => def.decode!(checkedEnvelope(m))
      : (m) => defaultDecode(m) as E | null;
    const read = wanted
      ? (m: IncomingMessage) => (wanted.has(checkedEnvelope(m).type) ? decode(m) : null)
      : decode;
    const subscription = await this.transport.subscribe({
      groupId: group,
      topics: def.topics,
      maxAttempts: def.maxAttempts ?? this.defaultMaxAttempts,
      maxBatchSize: def.maxBatchSize,
      serial: def.serial,
      lingerMs: def.lingerMs,
      isPermanent: (e) => e instanceof InvalidEnvelopeError,
      handle: async (message: IncomingMessage) => {
        const event = read(message);
        if (!event) return skipped.inc({ consumer: group });
        const done = await Correlation.run(
          event.correlationId,
          () => inbox.process(message.topic, event, (e) => def.handle(e)),
          event.id,
        );
        (done ? applied : duplicates).inc({ consumer: group });
      },
      // Many events, one commit. One by one, each effect runs under its own event's correlation id;
      // handleMany runs once, under the first fresh event's (see EventConsumerDefinition.handleMany).
      handleBatch: async (messages: IncomingMessage[]) => {
        const items = messages.flatMap((m) => {
          const event = read(m);
          return event ? [{ topic: m.topic, event }] : [];
        });
        if (items.length < messages.length) skipped.inc({ consumer: group }, messages.length - items.length);
        if (!items.length) return;
        const handleMany = def.handleMany?.bind(def);
        const count = await inbox.processBatch(
          items,
          (e) => Correlation.run(e.correlationId, () => def.handle(e), e.id),
          handleMany &&
            ((events) => Correlation.run(events[0].correlationId, () => handleMany(events), events[0].id)),
        );
        applied.inc({ consumer: group }, count);
        duplicates.inc({ consumer: group }, items.length - count);
      },
    });
    this.subscriptions.push(subscription);
  }

  async closeAll(): Promise<void> {
    await Promise.all(this.subscriptions.splice(0).map((s) => s.close()));
  }
}
