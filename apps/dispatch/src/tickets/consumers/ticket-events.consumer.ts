import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { TicketEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { RecordTransferRequestCommand } from '../../transfers/commands/record-transfer-request/record-transfer-request.command';
import { EndTicketCommand } from '../commands/end-ticket/end-ticket.command';
import { FollowAssignmentCommand } from '../commands/follow-assignment/follow-assignment.command';
import { RecordReopenCommand } from '../commands/record-reopen/record-reopen.command';
import { RouteTicketCommand } from '../commands/route-ticket/route-ticket.command';

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
      handle: async (event) => {
        const source = { eventId: event.id, actor: event.actor, occurredAt: new Date(event.occurredAt) };
        switch (event.type) {
          case TicketEvents.submitted: {
            const p = event.payload;
            return this.commands.execute(
              RouteTicketCommand.create({
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
                actor: source.actor,
                occurredAt: source.occurredAt,
              }),
            );
          }
          case TicketEvents.assigned: {
            const p = event.payload;
            return this.commands.execute(
              FollowAssignmentCommand.create({
                ticketId: p.ticketId,
                // An assignment names its lead: one without is refused by the command.
                leadDepartmentId: p.leadDepartmentId ?? '',
                coHandlerDepartmentIds: p.coHandlerDepartmentIds,
                firstHandlerDepartmentId: p.firstHandlerDepartmentId,
                via: p.via,
                previousLeadDepartmentId: p.previousLeadDepartmentId,
                ...source,
              }),
            );
          }
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
      },
    });
  }
}
