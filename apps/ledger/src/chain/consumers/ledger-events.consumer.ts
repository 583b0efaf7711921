import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, EventEnvelope, InvalidEnvelopeError, Topics } from '@ticketing/contracts';
import { BACKGROUND_LINGER_MS, catalogueEvent, EventConsumers } from '@ticketing/messaging';
import { AppendToLedgerCommand } from '../commands/append-to-ledger/append-to-ledger.command';

// The test kit and bench/ledger publish on the topic an event's type names.
export { topicOf } from '../domain/chained-event';

/**
 * Every producing context. Not ticketing.ledger.v1: the ledger chains its own events (bulletins) in
 * the transaction that writes them, and publishes them for others only.
 */
export const LEDGER_TOPICS = [
  Topics.Ticket,
  Topics.Dispatch,
  Topics.Sla,
  Topics.Directory,
  Topics.Outreach,
  Topics.Meeting,
];

/**
 * Every event, its payload checked against the catalogue. Unlike other consumers, the ledger does
 * not skip a type this build does not know: a chain with a silently missing event is worse than a
 * dead-lettered one, which can be replayed once the ledger knows its type.
 */
export function decodeChainedEvent(envelope: EventEnvelope<unknown>): DomainEvent {
  // The catalogue's check, once per delivered envelope (the other groups of the process share it).
  const event = catalogueEvent(envelope);
  if (!event)
    throw new InvalidEnvelopeError([
      `${envelope.type}: not in the event catalogue; the ledger chains every event and refuses to skip one`,
    ]);
  return event;
}

/**
 * Every topic, one consumer group: a delivered chunk (up to 100 events) is appended to the chain
 * and projected at once, in the inbox's transaction. A single event (or the one-by-one retry after
 * a failed chunk) takes the same path as a chunk of one.
 */
@Injectable()
export class LedgerEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'ledger',
      topics: LEDGER_TOPICS,
      // Every append queues on the chain head's row: parallel lanes only waited on each other there
      // (holding their transactions open), while one queue appends fuller chunks.
      serial: true,
      // Nobody waits on an entry: gather what arrives within the linger into one chunk.
      lingerMs: BACKGROUND_LINGER_MS,
      decode: decodeChainedEvent,
      handle: (event) => this.append([event]),
      handleMany: (events) => this.append(events),
    });
  }

  private async append(events: DomainEvent[]): Promise<void> {
    await this.commands.execute(AppendToLedgerCommand.create({ events }));
  }
}
