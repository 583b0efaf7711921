import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, EventOf, TicketEventPayloads, TicketEventType, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { ApplyTicketEventCommand } from '../commands/apply-ticket-event/apply-ticket-event.command';

type TicketDomainEvent = { [K in TicketEventType]: EventOf<K> }[TicketEventType];

const isTicketEvent = (event: DomainEvent): event is TicketDomainEvent =>
  Object.prototype.hasOwnProperty.call(TicketEventPayloads, event.type);

/**
 * Moves the timers as the ticket lifecycle moves (see the README's table). Every ticket event also
 * tells who may see the ticket and what its policies match, so each one is applied.
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
      handle: async (event) => {
        if (!isTicketEvent(event)) return;
        await this.commands.execute(ApplyTicketEventCommand.create({ event, occurredAt: event.occurredAt }));
      },
    });
  }
}
