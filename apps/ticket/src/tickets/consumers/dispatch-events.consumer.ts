import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DispatchEvents, DomainEvent, EventOf, Topics } from '@ticketing/contracts';
import { appliedInRounds, EventCause, EventConsumers, underCause } from '@ticketing/messaging';
import { ApplyTransferDecisionCommand } from '../commands/apply-transfer-decision/apply-transfer-decision.command';
import { AssignTicketsCommand, DeskDecision } from '../commands/assign-tickets/assign-tickets.command';
import { QueueTriageCommand } from '../commands/queue-triage/queue-triage.command';

/** The dispatch desk's decisions, turned into ticket commands inside the inbox transaction. */
@Injectable()
export class DispatchEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'dispatch-events',
      topics: [Topics.Dispatch],
      // A delivered batch in rounds of one event per ticket (each ticket's events in order): a
      // round's decisions are applied by one command, their tickets locked in one read.
      ...appliedInRounds<DomainEvent>((round) => this.apply(round)),
    });
  }

  /** Events of different tickets: the decisions as one command, the rest one by one. */
  private async apply(events: DomainEvent[]): Promise<void> {
    const decisions = events.flatMap((e) => (e.type === DispatchEvents.decided ? [decision(e)] : []));
    if (decisions.length) await this.commands.execute(AssignTicketsCommand.create({ decisions }));
    for (const e of events) await underCause(EventCause.of(e), () => this.applyOne(e));
  }

  private async applyOne(event: DomainEvent): Promise<void> {
    const upstream = { actor: event.actor, causedBy: `${event.type}#${event.id}` };
    switch (event.type) {
      case DispatchEvents.triageNeeded: {
        const p = event.payload;
        await this.commands.execute(
          QueueTriageCommand.create({
            ...upstream,
            ticketId: p.ticketId,
            explanation: p.explanation ?? '',
          }),
        );
        return;
      }
      case DispatchEvents.transferDecided: {
        const p = event.payload;
        await this.commands.execute(
          ApplyTransferDecisionCommand.create({
            ...upstream,
            ticketId: p.ticketId,
            approved: p.approved,
            leadDepartmentId: p.leadDepartmentId,
            coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
            note: p.note ?? '',
          }),
        );
        return;
      }
    }
  }
}

const decision = (e: EventOf<typeof DispatchEvents.decided>): DeskDecision => {
  const p = e.payload;
  return DeskDecision.of({
    ticketId: p.ticketId,
    actor: e.actor,
    causedBy: `${e.type}#${e.id}`,
    cause: EventCause.of(e),
    leadDepartmentId: p.leadDepartmentId,
    coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
    via: p.via,
    ruleId: p.ruleId ?? null,
    explanation: p.explanation ?? '',
  });
};
