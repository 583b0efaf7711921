import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, EventOf, SlaEvents, Topics } from '@ticketing/contracts';
import { appliedInRounds, EventCause, EventConsumers, underCause } from '@ticketing/messaging';
import { CloseLapsedFeedbackCommand } from '../commands/close-lapsed-feedback/close-lapsed-feedback.command';
import { RecordSlaClocksCommand, SlaClock } from '../commands/record-sla-clocks/record-sla-clocks.command';

/** The SLA events that say something of a ticket's clocks. */
type ClockEvent =
  | EventOf<typeof SlaEvents.deadlineSet>
  | EventOf<typeof SlaEvents.warning>
  | EventOf<typeof SlaEvents.breached>
  | EventOf<typeof SlaEvents.timerPaused>
  | EventOf<typeof SlaEvents.timerStopped>;

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
      // Escalations say nothing of a clock the queue shows: they skip the inbox.
      types: [...CLOCK_EVENTS],
      // A delivered batch in rounds of one event per ticket (each ticket's events in order): a
      // round's clocks are recorded by one command, in a statement per change and clock.
      ...appliedInRounds<DomainEvent>((round) => this.apply(round)),
    });
  }

  private async apply(events: DomainEvent[]): Promise<void> {
    // A meeting decision's clock is not a ticket's (it is keyed by the decision).
    const clocks = events.filter(
      (e): e is ClockEvent =>
        isClockEvent(e) && !('subject' in e.payload && e.payload.subject === 'decision'),
    );
    if (!clocks.length) return;
    await this.commands.execute(RecordSlaClocksCommand.create({ clocks: clocks.map(clock) }));
    for (const e of clocks)
      if (e.type === SlaEvents.breached && e.payload.kind === 'callback')
        await underCause(EventCause.of(e), () =>
          this.commands.execute(
            CloseLapsedFeedbackCommand.create({
              ticketId: e.payload.ticketId,
              actor: e.actor,
              causedBy: `${e.type}#${e.id}`,
            }),
          ),
        );
  }
}

const CLOCK_EVENTS: ReadonlySet<string> = new Set<ClockEvent['type']>([
  SlaEvents.deadlineSet,
  SlaEvents.warning,
  SlaEvents.breached,
  SlaEvents.timerPaused,
  SlaEvents.timerStopped,
]);
const isClockEvent = (e: DomainEvent): e is ClockEvent => CLOCK_EVENTS.has(e.type);

const clock = (e: ClockEvent): SlaClock => {
  const at = new Date(e.occurredAt);
  const { ticketId, kind } = e.payload;
  switch (e.type) {
    case SlaEvents.deadlineSet:
      return SlaClock.of({ ticketId, kind, change: 'set', dueAt: e.payload.dueAt || undefined, at });
    case SlaEvents.warning:
    case SlaEvents.breached:
      return SlaClock.of({
        ticketId,
        kind,
        change: e.payload.level,
        at: e.payload.fireAt ? new Date(e.payload.fireAt) : at,
      });
    case SlaEvents.timerPaused:
      return SlaClock.of({ ticketId, kind, change: 'paused', reason: e.payload.reason, at });
    case SlaEvents.timerStopped:
      return SlaClock.of({ ticketId, kind, change: 'stopped', at });
  }
};
