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
  /**
   * From a checked envelope to the event the handlers take; null: not for this consumer (skipped,
   * counted, offset moves on). Default: the event catalogue of @ticketing/contracts, which checks
   * the payload against its type's class and skips types this build does not know. Throwing
   * InvalidEnvelopeError dead-letters the message at once.
   */
  decode?: (envelope: EventEnvelope<unknown>) => E | null;
}

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
    const decode = def.decode ?? (toDomainEvent as unknown as (e: EventEnvelope<unknown>) => E | null);
    const read = (m: IncomingMessage): E | null => decode(parseEnvelope(m.value));
    const subscription = await this.transport.subscribe({
      groupId: group,
      topics: def.topics,
      maxAttempts: def.maxAttempts ?? this.defaultMaxAttempts,
      maxBatchSize: def.maxBatchSize,
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
