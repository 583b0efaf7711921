import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, TicketEventBase, TicketEvents, Topics } from '@ticketing/contracts';
import { BACKGROUND_LINGER_MS, EventConsumers } from '@ticketing/messaging';
import { Correlation } from '@ticketing/observability';
import { LinkVisitTicketCommand } from '../../visits/commands/link-visit-ticket/link-visit-ticket.command';
import {
  RecordTicketFactsCommand,
  TicketFactInput,
} from '../commands/record-ticket-facts/record-ticket-facts.command';

type Extra = Partial<Pick<TicketFactInput, 'visitId' | 'visitProblemIndex' | 'outcome' | 'closedAt'>>;

/**
 * What outreach learns from the ticket service: every ticket's scope and status (who may see a
 * visit's tickets, which ticket a need may name), how each ended (solved, rated: plan against done),
 * and, from ticket.submitted naming a visit, the link back to the visit's problem.
 *
 * A delivered batch (many tickets, several events each) is ONE command for the copies, one write
 * whatever its size; a single event (or the one-by-one retry after a failed batch) takes the same
 * path as a batch of one. The visit links follow, one per ticket.submitted naming a visit, in
 * delivery order, each under its own event's correlation id (a batch runs under its first event's),
 * after the copies, as one by one each event's link came after its copy.
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
      handle: (event) => this.apply([event]),
      handleMany: (events) => this.apply(events),
    });
  }

  private async apply(events: DomainEvent[]): Promise<void> {
    const facts = events.flatMap((e) => {
      const fact = factOf(e);
      return fact ? [fact] : [];
    });
    if (facts.length) await this.commands.execute(RecordTicketFactsCommand.create({ facts }));
    for (const event of events) {
      const link = linkOf(event);
      if (link) await Correlation.run(event.correlationId, () => this.commands.execute(link), event.id);
    }
  }
}

/** What the copy takes of a ticket event; null: not a ticket event this build knows. */
function factOf(event: DomainEvent): TicketFactInput | null {
  switch (event.type) {
    case TicketEvents.submitted: {
      const p = event.payload;
      const visit = visitOf(p);
      return fact(event, p, visit ? { visitId: visit.id, visitProblemIndex: visit.index } : {});
    }
    case TicketEvents.feedbackGiven:
      return fact(event, event.payload, {
        outcome: { solved: event.payload.solved, satisfaction: event.payload.satisfaction },
      });
    case TicketEvents.reopened:
      return fact(event, event.payload, { outcome: null });
    case TicketEvents.closed: {
      const p = event.payload;
      return fact(event, p, {
        closedAt: new Date(event.occurredAt),
        ...(p.outcome === 'feedback'
          ? { outcome: { solved: p.solved ?? null, satisfaction: p.satisfaction ?? null } }
          : {}),
      });
    }
    case TicketEvents.withdrawn:
      return fact(event, event.payload, { closedAt: new Date(event.occurredAt) });
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
      return fact(event, event.payload, {});
    default:
      return null;
  }
}

/** ticket.submitted naming a visit: the link back to the visit's problem. */
function linkOf(event: DomainEvent): LinkVisitTicketCommand | null {
  if (event.type !== TicketEvents.submitted) return null;
  const visit = visitOf(event.payload);
  return visit
    ? LinkVisitTicketCommand.create({
        visitId: visit.id,
        problemIndex: visit.index,
        ticketId: event.payload.ticketId,
        ticketNumber: event.payload.number,
        actor: event.actor,
        causedBy: `${event.type}#${event.id}`,
      })
    : null;
}

function visitOf(p: { channel?: string; visitId?: string | null; visitProblemIndex?: number | null }) {
  return p.channel === 'visit' && p.visitId ? { id: p.visitId, index: p.visitProblemIndex ?? 0 } : null;
}

function fact(event: DomainEvent, p: TicketEventBase, extra: Extra): TicketFactInput {
  return TicketFactInput.of({
    ticketId: p.ticketId,
    number: p.number,
    enterpriseId: p.enterpriseId,
    gridId: p.gridId ?? null,
    leadDepartmentId: p.leadDepartmentId ?? null,
    coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
    status: p.status,
    sourceVersion: event.aggregateVersion,
    ...extra,
  });
}
