import { Injectable, OnModuleInit } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  DispatchDecidedPayload,
  DispatchEvents,
  DispatchTransferDecidedPayload,
  DispatchTriageNeededPayload,
  Topics,
} from '@ticketing/contracts';
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
      handle: async (event, manager) => {
        const ref = `${event.type}#${event.id}`;
        switch (event.type) {
          case DispatchEvents.decided: {
            const p = event.payload as unknown as DispatchDecidedPayload;
            await this.commands.execute(
              new AssignTicketCommand(
                manager,
                p.ticketId,
                event.actor,
                ref,
                p.leadDepartmentId,
                p.coHandlerDepartmentIds ?? [],
                p.via,
                p.ruleId ?? null,
                p.explanation ?? '',
              ),
            );
            return;
          }
          case DispatchEvents.triageNeeded: {
            const p = event.payload as unknown as DispatchTriageNeededPayload;
            await this.commands.execute(
              new QueueTriageCommand(manager, p.ticketId, event.actor, ref, p.explanation ?? ''),
            );
            return;
          }
          case DispatchEvents.transferDecided: {
            const p = event.payload as unknown as DispatchTransferDecidedPayload;
            await this.commands.execute(
              new ApplyTransferDecisionCommand(
                manager,
                p.ticketId,
                event.actor,
                ref,
                p.approved,
                p.leadDepartmentId,
                p.coHandlerDepartmentIds ?? [],
                p.note ?? '',
              ),
            );
            return;
          }
        }
      },
    });
  }
}
