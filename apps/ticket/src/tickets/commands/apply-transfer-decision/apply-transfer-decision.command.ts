import { Actor } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { SystemTicketCommand } from '../../system-change';

/** dispatch.transfer-decided: the committee's final word on a transfer request. */
export class ApplyTransferDecisionCommand extends SystemTicketCommand {
  constructor(
    manager: EntityManager,
    ticketId: string,
    actor: Actor,
    causedBy: string,
    readonly approved: boolean,
    readonly leadDepartmentId: string | null,
    readonly coHandlerDepartmentIds: string[],
    readonly note: string,
  ) {
    super(manager, ticketId, actor, causedBy);
  }
}
