import { EventEnvelope, InvalidEnvelopeError, parseEnvelope } from '@ticketing/contracts';
import { Correlation, counter } from '@ticketing/observability';
import { DataSource, EntityManager } from 'typeorm';
import { InboxProcessor } from './inbox/inbox.processor';
import { IncomingMessage, MessageTransport, Subscription } from './transport/message-transport';

export interface EventConsumerDefinition {
  /** Unique within the service; with the service name it is the consumer group and the inbox key. */
  name: string;
  topics: string[];
  /** Applies one event inside the inbox transaction. Ignore types you do not handle. */
  handle(event: EventEnvelope<Record<string, unknown>>, manager: EntityManager): Promise<void>;
  /**
   * Optional: applies a whole delivered chunk at once. Called once per batch with the events the
   * inbox has not seen (duplicates dropped), in delivery order, inside the same inbox transaction:
   * all or nothing, like `handle`. `handle` stays the path for single messages and for the
   * one-by-one retry after a failed batch, so both must have the same effect.
   *
   * It runs under the FIRST fresh event's correlation id (causation = that event). The ledger, the
   * one user so far, needs no more: each entry records its own envelope's correlation and causation
   * ids, and it writes no events. A consumer whose effect reads the context (e.g. writes outbox
   * events, which take their correlation from it) must run each event's part inside
   * `Correlation.run(e.correlationId, …, e.id)` itself, or not provide `handleMany`.
   */
  handleMany?(events: EventEnvelope<Record<string, unknown>>[], manager: EntityManager): Promise<void>;
  maxAttempts?: number;
  /** Events applied per transaction at most (default 100; 1 turns batching off). */
  maxBatchSize?: number;
}

const applied = counter('events_applied_total', 'Events applied by consumers', ['consumer']);
const duplicates = counter('events_duplicate_total', 'Redelivered events skipped by the inbox', ['consumer']);

/**
 * Subscribes a service's consumers to the transport: each message is parsed and checked, handled
 * under its correlation id, and applied through the inbox exactly once. A malformed message is
 * dead-lettered at once; other failures are retried by the transport, then dead-lettered.
 */
export class EventConsumers {
  private readonly subscriptions: Subscription[] = [];

  constructor(
    private readonly service: string,
    private readonly schema: string,
    private readonly dataSource: DataSource,
    private readonly transport: MessageTransport,
    private readonly defaultMaxAttempts: number,
  ) {}

  groupId(name: string): string {
    return `${this.service}.${name}`;
  }

  async register(def: EventConsumerDefinition): Promise<void> {
    const group = this.groupId(def.name);
    const inbox = new InboxProcessor(this.dataSource, this.schema, group);
    const subscription = await this.transport.subscribe({
      groupId: group,
      topics: def.topics,
      maxAttempts: def.maxAttempts ?? this.defaultMaxAttempts,
      maxBatchSize: def.maxBatchSize,
      isPermanent: (e) => e instanceof InvalidEnvelopeError,
      handle: async (message: IncomingMessage) => {
        const event = parseEnvelope(message.value);
        const done = await Correlation.run(
          event.correlationId,
          () => inbox.process(message.topic, event, (e, manager) => def.handle(e, manager)),
          event.id,
        );
        (done ? applied : duplicates).inc({ consumer: group });
      },
      // Many events, one commit. One by one, each effect runs under its own event's correlation id;
      // handleMany runs once, under the first fresh event's (see EventConsumerDefinition.handleMany).
      handleBatch: async (messages: IncomingMessage[]) => {
        const items = messages.map((m) => ({ topic: m.topic, event: parseEnvelope(m.value) }));
        const handleMany = def.handleMany?.bind(def);
        const count = await inbox.processBatch(
          items,
          (e, manager) => Correlation.run(e.correlationId, () => def.handle(e, manager), e.id),
          handleMany &&
            ((events, manager) =>
              Correlation.run(events[0].correlationId, () => handleMany(events, manager), events[0].id)),
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
