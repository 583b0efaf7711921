import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, TicketEventBase, TicketEvents, Topics } from '@ticketing/contracts';
import { BACKGROUND_LINGER_MS, EventConsumers } from '@ticketing/messaging';
import { Correlation } from '@ticketing/observability';
import { RaiseCandidateCommand } from '../commands/raise-candidate/raise-candidate.command';
import {
  RecordTicketFactsCommand,
  TicketFactItem,
} from '../commands/record-ticket-facts/record-ticket-facts.command';

/**
 * What the meeting service learns from the ticket service: a small copy of each ticket (number and
 * title from its submission; enterprise, lead and co-handlers, status from every event, so an
 * agenda shows where the ticket stands); and a ticket the committee supervises at the joint-meeting level becomes an agenda candidate.
 *
 * A delivered batch (several tickets, several events each) keeps its copies with one command, one
 * write; a single event (or the one-by-one retry after a failed batch) takes the same path as a
 * batch of one. The copies go first; then, event by event in delivery order and each under its own
 * correlation, what an event asks besides its copy (an agenda candidate).
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
    for (const e of events) {
      const candidate = candidateOf(e);
      if (candidate) await Correlation.run(e.correlationId, () => this.commands.execute(candidate), e.id);
    }
  }
}

/** The copy's fact of an event, or null for a type the copy does not follow. */
function factOf(event: DomainEvent): TicketFactItem | null {
  switch (event.type) {
    case TicketEvents.submitted:
      return fact(event, event.payload, {
        title: event.payload.title.slice(0, 500),
        enterpriseName: event.payload.enterpriseName.slice(0, 500),
      });
    // The rest say nothing of their own here; their base fields keep the status and departments current.
    case TicketEvents.assigned:
    case TicketEvents.closed:
    case TicketEvents.withdrawn:
    case TicketEvents.triageQueued:
    case TicketEvents.acknowledged:
    case TicketEvents.transferRequested:
    case TicketEvents.transferRejected:
    case TicketEvents.interimReplied:
    case TicketEvents.extensionRequested:
    case TicketEvents.extensionDecided:
    case TicketEvents.partReported:
    case TicketEvents.resolved:
    case TicketEvents.replied:
    case TicketEvents.feedbackGiven:
    case TicketEvents.reopened:
    case TicketEvents.informationRequested:
    case TicketEvents.informationProvided:
    case TicketEvents.messagePosted:
    case TicketEvents.noteAdded:
    case TicketEvents.handlerAssigned:
    case TicketEvents.merged:
    case TicketEvents.duplicateAttached:
    case TicketEvents.linked:
    case TicketEvents.supervised:
      return fact(event, event.payload, {});
    default:
      return null;
  }
}

/** ticket.supervised at the joint-meeting level: the ticket becomes an agenda candidate. */
function candidateOf(event: DomainEvent): RaiseCandidateCommand | null {
  if (event.type !== TicketEvents.supervised || event.payload.level !== 'joint_meeting') return null;
  return RaiseCandidateCommand.create({
    ticketId: event.payload.ticketId,
    reason: 'supervision',
    at: new Date(event.occurredAt),
    note: event.payload.note.slice(0, 2000),
  });
}

function fact(
  event: DomainEvent,
  p: TicketEventBase,
  extra: { title?: string; enterpriseName?: string },
): TicketFactItem {
  return TicketFactItem.of({
    ticketId: p.ticketId,
    number: p.number,
    enterpriseId: p.enterpriseId,
    leadDepartmentId: p.leadDepartmentId ?? null,
    coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
    status: p.status,
    sourceVersion: event.aggregateVersion,
    ...extra,
  });
}
