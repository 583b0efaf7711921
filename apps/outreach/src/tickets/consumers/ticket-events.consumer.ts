import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { CommandProps } from '@ticketing/platform';
import { DomainEvent, TicketEventBase, TicketEvents, Topics } from '@ticketing/contracts';
import { BACKGROUND_LINGER_MS, EventConsumers } from '@ticketing/messaging';
import { LinkVisitTicketCommand } from '../../visits/commands/link-visit-ticket/link-visit-ticket.command';
import { RecordTicketFactCommand } from '../commands/record-ticket-fact/record-ticket-fact.command';

type Extra = Partial<
  Pick<CommandProps<RecordTicketFactCommand>, 'visitId' | 'visitProblemIndex' | 'outcome' | 'closedAt'>
>;

/**
 * What outreach learns from the ticket service: every ticket's scope and status (who may see a
 * visit's tickets, which ticket a need may name), how each ended (solved, rated: plan against done),
 * and, from ticket.submitted naming a visit, the link back to the visit's problem.
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
      // A copy nobody waits on: one lane (per-ticket order is publish order), and what arrives
      // within the linger goes into one inbox transaction.
      serial: true,
      lingerMs: BACKGROUND_LINGER_MS,
      handle: async (event) => {
        switch (event.type) {
          case TicketEvents.submitted: {
            const p = event.payload;
            const visit =
              p.channel === 'visit' && p.visitId ? { id: p.visitId, index: p.visitProblemIndex ?? 0 } : null;
            await this.fact(event, p, visit ? { visitId: visit.id, visitProblemIndex: visit.index } : {});
            if (visit) {
              await this.commands.execute(
                LinkVisitTicketCommand.create({
                  visitId: visit.id,
                  problemIndex: visit.index,
                  ticketId: p.ticketId,
                  ticketNumber: p.number,
                  actor: event.actor,
                  causedBy: `${event.type}#${event.id}`,
                }),
              );
            }
            return;
          }
          case TicketEvents.feedbackGiven:
            return this.fact(event, event.payload, {
              outcome: { solved: event.payload.solved, satisfaction: event.payload.satisfaction },
            });
          case TicketEvents.reopened:
            return this.fact(event, event.payload, { outcome: null });
          case TicketEvents.closed: {
            const p = event.payload;
            return this.fact(event, p, {
              closedAt: new Date(event.occurredAt),
              ...(p.outcome === 'feedback'
                ? { outcome: { solved: p.solved ?? null, satisfaction: p.satisfaction ?? null } }
                : {}),
            });
          }
          case TicketEvents.withdrawn:
            return this.fact(event, event.payload, { closedAt: new Date(event.occurredAt) });
          case TicketEvents.triageQueued:
          case TicketEvents.assigned:
          case TicketEvents.acknowledged:
          case TicketEvents.transferRequested:
          case TicketEvents.transferRejected:
          case TicketEvents.interimReplied:
          case TicketEvents.extensionRequested:
          case TicketEvents.extensionDecided:
          case TicketEvents.partReported:
          case TicketEvents.resolved:
          case TicketEvents.replied:
          case TicketEvents.supervised:
          case TicketEvents.informationRequested:
          case TicketEvents.informationProvided:
          case TicketEvents.messagePosted:
          case TicketEvents.noteAdded:
          case TicketEvents.handlerAssigned:
          case TicketEvents.merged:
          case TicketEvents.duplicateAttached:
          case TicketEvents.linked:
            // Nothing of their own for outreach; their base fields keep the copy's scope and status current.
            return this.fact(event, event.payload, {});
        }
      },
    });
  }

  private async fact(event: DomainEvent, p: TicketEventBase, extra: Extra): Promise<void> {
    await this.commands.execute(
      RecordTicketFactCommand.create({
        ticketId: p.ticketId,
        number: p.number,
        enterpriseId: p.enterpriseId,
        gridId: p.gridId ?? null,
        leadDepartmentId: p.leadDepartmentId ?? null,
        coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
        status: p.status,
        sourceVersion: event.aggregateVersion,
        ...extra,
      }),
    );
  }
}
