import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, EventOf, TicketEventPayloads, TicketEventType, Topics } from '@ticketing/contracts';
import { EventCause, EventConsumers } from '@ticketing/messaging';
import {
  ApplyTicketEventsCommand,
  TicketEventItem,
} from '../commands/apply-ticket-events/apply-ticket-events.command';

type TicketDomainEvent = { [K in TicketEventType]: EventOf<K> }[TicketEventType];

const isTicketEvent = (event: DomainEvent): event is TicketDomainEvent =>
  Object.prototype.hasOwnProperty.call(TicketEventPayloads, event.type);

/**
 * Moves the timers as the ticket lifecycle moves (see the README's table). Every ticket event also
 * tells who may see the ticket and what its policies match, so each one is applied.
 *
 * A delivered batch is one command: its tickets are loaded together and saved together, in one
 * inbox transaction; a single event (or the one-by-one retry after a failed batch) is a batch of
 * one. Each event carries its own correlation, so what the engine records for it is caused by it.
 */
@Injectable()
export class TicketLifecycleConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'ticket-lifecycle',
      topics: [Topics.Ticket],
      handle: (event) => this.apply([event]),
      handleMany: (events) => this.apply(events),
    });
  }

  private async apply(events: DomainEvent[]): Promise<void> {
    const items = events.filter(isTicketEvent).map((event) =>
      TicketEventItem.of({
        event,
        occurredAt: event.occurredAt,
        cause: EventCause.of(event),
      }),
    );
    if (items.length) await this.commands.execute(ApplyTicketEventsCommand.create({ events: items }));
  }
}
