import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DomainEvent, TicketEventBase, TicketEvents, Topics } from '@ticketing/contracts';
import { BACKGROUND_LINGER_MS, EventConsumers } from '@ticketing/messaging';
import { RaiseCandidateCommand } from '../commands/raise-candidate/raise-candidate.command';
import { RecordTicketFactCommand } from '../commands/record-ticket-fact/record-ticket-fact.command';

/**
 * What the meeting service learns from the ticket service: a small copy of each ticket (number and
 * title from its submission; enterprise, lead and co-handlers, status from every event, so an
 * agenda shows where the ticket stands); and a ticket the committee supervises at the joint-meeting level becomes an agenda candidate.
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
          case TicketEvents.submitted:
            return this.fact(event, event.payload, {
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
            return this.fact(event, event.payload, {});
          case TicketEvents.supervised: {
            await this.fact(event, event.payload, {});
            if (event.payload.level !== 'joint_meeting') return;
            await this.commands.execute(
              RaiseCandidateCommand.create({
                ticketId: event.payload.ticketId,
                reason: 'supervision',
                at: new Date(event.occurredAt),
                note: event.payload.note.slice(0, 2000),
              }),
            );
            return;
          }
        }
      },
    });
  }

  private async fact(
    event: DomainEvent,
    p: TicketEventBase,
    extra: { title?: string; enterpriseName?: string },
  ): Promise<void> {
    await this.commands.execute(
      RecordTicketFactCommand.create({
        ticketId: p.ticketId,
        number: p.number,
        enterpriseId: p.enterpriseId,
        leadDepartmentId: p.leadDepartmentId ?? null,
        coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
        status: p.status,
        sourceVersion: event.aggregateVersion,
        ...extra,
      }),
    );
  }
}
