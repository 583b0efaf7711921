import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  SlaBreachedPayload,
  SlaDeadlineSetPayload,
  SlaEvents,
  SlaTimerStoppedPayload,
  SlaWarningPayload,
  Topics,
} from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { CloseLapsedFeedbackCommand } from '../commands/close-lapsed-feedback/close-lapsed-feedback.command';
import { TicketDeadlinesProjector } from '../infrastructure/ticket-deadlines.projector';

/** Deadlines and flags for the queue; a lapsed feedback window closes the ticket as no feedback. */
@Injectable()
export class SlaEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
    private readonly deadlines: TicketDeadlinesProjector,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'sla-events',
      topics: [Topics.Sla],
      handle: async (event, manager) => {
        switch (event.type) {
          case SlaEvents.deadlineSet: {
            const p = event.payload as unknown as SlaDeadlineSetPayload;
            await this.deadlines.deadlineSet(manager, p.ticketId, p.kind, p.dueAt);
            return;
          }
          case SlaEvents.warning: {
            const p = event.payload as unknown as SlaWarningPayload;
            await this.deadlines.flag(manager, p.ticketId, p.kind, 'yellow');
            return;
          }
          case SlaEvents.breached: {
            const p = event.payload as unknown as SlaBreachedPayload;
            await this.deadlines.flag(manager, p.ticketId, p.kind, 'red');
            if (p.kind === 'feedback') {
              await this.commands.execute(
                new CloseLapsedFeedbackCommand(manager, p.ticketId, event.actor, `${event.type}#${event.id}`),
              );
            }
            return;
          }
          case SlaEvents.timerStopped: {
            const p = event.payload as unknown as SlaTimerStoppedPayload;
            await this.deadlines.stopped(manager, p.ticketId, p.kind);
            return;
          }
        }
      },
    });
  }
}
