import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { SlaEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { CloseLapsedFeedbackCommand } from '../commands/close-lapsed-feedback/close-lapsed-feedback.command';
import { RecordSlaClockCommand } from '../commands/record-sla-clock/record-sla-clock.command';

/**
 * Deadlines, pauses and flags for the queue. A lapsed feedback window leaves the ticket waiting for
 * the committee's callback (待回访); the lapsed callback window after it closes the ticket as no
 * feedback. (The SLA engine opens a callback clock on every feedback breach, zero-length when the
 * zone has none, so every ticket resolved, before or after callbacks existed, still closes.)
 */
@Injectable()
export class SlaEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'sla-events',
      topics: [Topics.Sla],
      handle: async (event) => {
        const at = new Date(event.occurredAt);
        // A meeting decision's clock is not a ticket's (it is keyed by the decision).
        if (
          event.type.startsWith('sla.') &&
          'subject' in event.payload &&
          event.payload.subject === 'decision'
        )
          return;
        switch (event.type) {
          case SlaEvents.deadlineSet: {
            const { ticketId, kind, dueAt } = event.payload;
            await this.commands.execute(
              RecordSlaClockCommand.create({ ticketId, kind, change: 'set', dueAt: dueAt || undefined, at }),
            );
            return;
          }
          case SlaEvents.warning:
          case SlaEvents.breached: {
            const { ticketId, kind, level, fireAt } = event.payload;
            await this.commands.execute(
              RecordSlaClockCommand.create({
                ticketId,
                kind,
                change: level,
                at: fireAt ? new Date(fireAt) : at,
              }),
            );
            if (event.type === SlaEvents.breached && kind === 'callback') {
              await this.commands.execute(
                CloseLapsedFeedbackCommand.create({
                  ticketId,
                  actor: event.actor,
                  causedBy: `${event.type}#${event.id}`,
                }),
              );
            }
            return;
          }
          case SlaEvents.timerPaused: {
            const { ticketId, kind, reason } = event.payload;
            await this.commands.execute(
              RecordSlaClockCommand.create({ ticketId, kind, change: 'paused', reason, at }),
            );
            return;
          }
          case SlaEvents.timerStopped: {
            const { ticketId, kind } = event.payload;
            await this.commands.execute(
              RecordSlaClockCommand.create({ ticketId, kind, change: 'stopped', at }),
            );
            return;
          }
        }
      },
    });
  }
}
