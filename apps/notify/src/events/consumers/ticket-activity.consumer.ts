import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { Topics } from '@ticketing/contracts';
import { BACKGROUND_LINGER_MS, EventConsumers } from '@ticketing/messaging';
import { RecordTicketActivityCommand } from '../commands/record-ticket-activity/record-ticket-activity.command';
import { isTicketActivity } from '../domain/ticket-activity';

/**
 * Ticket, dispatch and sla events, one consumer group so that one ticket's facts are updated in
 * one order. Each event becomes one command, applied in the event's inbox transaction.
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
      handle: async (event) => {
        if (!isTicketActivity(event)) return;
        await this.commands.execute(
          RecordTicketActivityCommand.create({ ticketId: event.payload.ticketId, event }),
        );
      },
    });
  }
}
