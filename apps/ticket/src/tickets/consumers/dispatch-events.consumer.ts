import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { DispatchEvents, Topics } from '@ticketing/contracts';
import { EventConsumers } from '@ticketing/messaging';
import { ApplyTransferDecisionCommand } from '../commands/apply-transfer-decision/apply-transfer-decision.command';
import { AssignTicketCommand } from '../commands/assign-ticket/assign-ticket.command';
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
      handle: async (event) => {
        const upstream = { actor: event.actor, causedBy: `${event.type}#${event.id}` };
        switch (event.type) {
          case DispatchEvents.decided: {
            const p = event.payload;
            await this.commands.execute(
              AssignTicketCommand.create({
                ...upstream,
                ticketId: p.ticketId,
                leadDepartmentId: p.leadDepartmentId,
                coHandlerDepartmentIds: p.coHandlerDepartmentIds ?? [],
                via: p.via,
                ruleId: p.ruleId ?? null,
                explanation: p.explanation ?? '',
              }),
            );
            return;
          }
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
      },
    });
  }
}
