import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, EventOf, Topics, toDomainEvent } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { ApplyDecisionEventCommand } from '../commands/apply-decision-event/apply-decision-event.command';
import { DecisionClockEventType, DecisionClockEventTypes } from '../domain/decision-clock.aggregate';

type DecisionDomainEvent = { [K in DecisionClockEventType]: EventOf<K> }[DecisionClockEventType];

const isDecisionEvent = (event: DomainEvent): event is DecisionDomainEvent =>
  (DecisionClockEventTypes as readonly string[]).includes(event.type);

/** Runs the clocks of joint meetings' decisions (议定事项) from the meeting service's events. */
@Injectable()
export class MeetingDecisionsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'meeting-decisions',
      topics: [Topics.Meeting],
      // The meetings' own events (scheduled, held, …) are skipped before the inbox.
      decode: (envelope) =>
        (DecisionClockEventTypes as readonly string[]).includes(envelope.type)
          ? toDomainEvent(envelope)
          : null,
      handle: async (event) => {
        if (!isDecisionEvent(event)) return;
        await this.commands.execute(
          ApplyDecisionEventCommand.create({ event, occurredAt: event.occurredAt }),
        );
      },
    });
  }
}
