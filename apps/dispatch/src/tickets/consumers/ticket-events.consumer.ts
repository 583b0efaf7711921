import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, EventOf, TicketEvents, Topics } from '@ticketing/contracts';
import { appliedInRounds, EventCause, EventConsumers, underCause } from '@ticketing/messaging';
import { RecordTransferRequestCommand } from '../../transfers/commands/record-transfer-request/record-transfer-request.command';
import { EndTicketCommand } from '../commands/end-ticket/end-ticket.command';
import {
  FollowAssignmentsCommand,
  TicketAssignment,
} from '../commands/follow-assignments/follow-assignments.command';
import { RecordReopenCommand } from '../commands/record-reopen/record-reopen.command';
import { RouteTicketsCommand, TicketSubmission } from '../commands/route-tickets/route-tickets.command';

/**
 * The ticket events the desk acts on, each applied once: the command's unit of work joins the
 * inbox transaction, so the effect, its dispatch events and the inbox row commit together.
 */
@Injectable()
export class TicketEventsConsumer implements OnModuleInit {
  constructor(
    private readonly consumers: EventConsumers,
    private readonly commands: CommandBus,
  ) {}

  async onModuleInit(): Promise<void> {
    await this.consumers.register({
      name: 'ticket-events',
      topics: [Topics.Ticket],
      // The routed ticket changes on these only: the rest of a lifecycle skips the inbox.
      types: [
        TicketEvents.submitted,
        TicketEvents.assigned,
        TicketEvents.transferRequested,
        TicketEvents.reopened,
        TicketEvents.withdrawn,
        TicketEvents.closed,
      ],
      // A delivered batch in rounds of one event per ticket (each ticket's events in order): a
      // round's submissions are routed by one command, its assignments followed by one.
      ...appliedInRounds<DomainEvent>((round) => this.apply(round)),
    });
  }

  /** Events of different tickets: the submissions and the assignments each as one command, the rest one by one. */
  private async apply(events: DomainEvent[]): Promise<void> {
    const submissions = events.flatMap((e) => (e.type === TicketEvents.submitted ? [submission(e)] : []));
    if (submissions.length) await this.commands.execute(RouteTicketsCommand.create({ submissions }));
    const assignments = events.flatMap((e) => (e.type === TicketEvents.assigned ? [assignment(e)] : []));
    if (assignments.length) await this.commands.execute(FollowAssignmentsCommand.create({ assignments }));
    for (const e of events) await underCause(EventCause.of(e), () => this.applyOne(e));
  }

  private async applyOne(event: DomainEvent): Promise<void> {
    const source = { eventId: event.id, actor: event.actor, occurredAt: new Date(event.occurredAt) };
    switch (event.type) {
      case TicketEvents.transferRequested: {
        const p = event.payload;
        return this.commands.execute(
          RecordTransferRequestCommand.create({
            ticketId: p.ticketId,
            ticketNumber: p.number,
            // The asking department, or the lead when the event does not name one: refused when neither.
            fromDepartmentId: p.departmentId ?? p.leadDepartmentId ?? '',
            reason: p.reason,
            enterpriseId: p.enterpriseId,
            category: p.category,
            urgency: p.urgency,
            gridId: p.gridId,
            leadDepartmentId: p.leadDepartmentId,
            coHandlerDepartmentIds: p.coHandlerDepartmentIds,
            ...source,
          }),
        );
      }
      case TicketEvents.reopened: {
        const p = event.payload;
        return this.commands.execute(
          RecordReopenCommand.create({
            ticketId: p.ticketId,
            leadDepartmentId: p.leadDepartmentId,
            reason: p.reason,
            reopenCount: p.reopenCount,
            ...source,
          }),
        );
      }
      case TicketEvents.withdrawn:
      case TicketEvents.closed:
        return this.commands.execute(
          EndTicketCommand.create({
            ticketId: event.payload.ticketId,
            outcome: event.type === TicketEvents.withdrawn ? 'withdrawn' : 'closed',
            actor: source.actor,
            occurredAt: source.occurredAt,
          }),
        );
    }
  }
}

const submission = (e: EventOf<typeof TicketEvents.submitted>): TicketSubmission => {
  const p = e.payload;
  return TicketSubmission.of({
    ticketId: p.ticketId,
    number: p.number,
    enterpriseId: p.enterpriseId,
    enterpriseName: p.enterpriseName,
    title: p.title,
    description: p.description,
    category: p.category,
    urgency: p.urgency,
    gridId: p.gridId,
    submittedAt: new Date(p.submittedAt),
    actor: e.actor,
    occurredAt: new Date(e.occurredAt),
    cause: EventCause.of(e),
  });
};

const assignment = (e: EventOf<typeof TicketEvents.assigned>): TicketAssignment => {
  const p = e.payload;
  return TicketAssignment.of({
    ticketId: p.ticketId,
    // An assignment names its lead: one without is refused by the command.
    leadDepartmentId: p.leadDepartmentId ?? '',
    coHandlerDepartmentIds: p.coHandlerDepartmentIds,
    firstHandlerDepartmentId: p.firstHandlerDepartmentId,
    via: p.via,
    previousLeadDepartmentId: p.previousLeadDepartmentId,
    eventId: e.id,
    actor: e.actor,
    occurredAt: new Date(e.occurredAt),
  });
};
