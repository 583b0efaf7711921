import { Injectable, OnModuleInit } from '@nestjs/common';
import { TicketEvents, Topics } from '@ticketing/contracts';
import { EventConsumers, OutboxWriter } from '@ticketing/messaging';
import { RuleEngine } from '../../rules/domain/rule-engine';
import { onTransferRequested } from '../../transfers/consumers/on-transfer-requested';
import { onTicketAssigned } from './on-ticket-assigned';
import { onTicketEnded } from './on-ticket-ended';
import { onTicketReopened } from './on-ticket-reopened';
import { onTicketSubmitted } from './on-ticket-submitted';

/** The ticket events the desk acts on; each is applied once, in the inbox transaction. */
@Injectable()
export class TicketEventsConsumer implements OnModuleInit {
  private readonly engine = new RuleEngine();

  constructor(
    private readonly consumers: EventConsumers,
    private readonly outbox: OutboxWriter,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'ticket-events',
      topics: [Topics.Ticket],
      handle: async (event, manager) => {
        switch (event.type) {
          case TicketEvents.submitted:
            return onTicketSubmitted(event, manager, this.outbox, this.engine);
          case TicketEvents.assigned:
            return onTicketAssigned(event, manager);
          case TicketEvents.transferRequested:
            return onTransferRequested(event, manager);
          case TicketEvents.reopened:
            return onTicketReopened(event, manager);
          case TicketEvents.withdrawn:
          case TicketEvents.closed:
            return onTicketEnded(event, manager);
          default:
            return;
        }
      },
    });
  }
}
