import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventEnvelope, SlaEvents, Topics, toDomainEvent } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { OpenCallbackClockCommand } from '../commands/open-callback-clock/open-callback-clock.command';

/** A breach of a feedback window; every other event of the topic is skipped before the inbox (no write). */
const isFeedbackBreach = (e: EventEnvelope<unknown>): boolean =>
  e.type === SlaEvents.breached &&
  typeof e.payload === 'object' &&
  e.payload !== null &&
  'kind' in e.payload &&
  e.payload.kind === 'feedback';

/**
 * Reads the engine's own breaches: when a ticket's feedback window lapses, the committee's callback
 * window (回访) opens. Through the inbox, once per breach; a breach that fired while the service was
 * down fires on start, and its callback window follows.
 */
@Injectable()
export class FeedbackLapsedConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'feedback-lapsed',
      topics: [Topics.Sla],
      decode: (envelope) => (isFeedbackBreach(envelope) ? toDomainEvent(envelope) : null),
      handle: async (event) => {
        if (event.type !== SlaEvents.breached || event.payload.kind !== 'feedback') return;
        const { ticketId, timerId, dueAt, fireAt } = event.payload;
        await this.commands.execute(
          OpenCallbackClockCommand.create({
            ticketId,
            feedbackTimerId: timerId,
            lapsedAt: dueAt || fireAt || event.occurredAt,
          }),
        );
      },
    });
  }
}
