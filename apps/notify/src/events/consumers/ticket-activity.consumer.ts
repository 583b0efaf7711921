import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, Topics } from '@ticketing/contracts';
import { BACKGROUND_LINGER_MS, EventConsumers } from '@ticketing/messaging';
import { RecordTicketActivityCommand } from '../commands/record-ticket-activity/record-ticket-activity.command';
import { isTicketActivity } from '../domain/ticket-activity';

/**
 * Ticket, dispatch and sla events, one consumer group so that one ticket's facts are updated in
 * one order. A delivered batch (several tickets, several events each) becomes one command, applied
 * in the batch's inbox transaction; a single event (or the one-by-one retry after a failed batch)
 * takes the same path as a batch of one.
 */
@Injectable()
export class TicketActivityConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'ticket-activity',
      topics: [Topics.Ticket, Topics.Sla, Topics.Dispatch],
      // Messages are queued for the worker, not sent here: 50 ms more lets one transaction take several.
      lingerMs: BACKGROUND_LINGER_MS,
      handle: (event) => this.record([event]),
      // The handler runs each event's part under that event's own correlation id.
      handleMany: (events) => this.record(events),
    });
  }

  private async record(events: DomainEvent[]): Promise<void> {
    const activity = events.filter(isTicketActivity);
    if (!activity.length) return;
    await this.commands.execute(RecordTicketActivityCommand.create({ events: activity }));
  }
}
