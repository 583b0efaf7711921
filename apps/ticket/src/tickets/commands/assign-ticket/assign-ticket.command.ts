import { Actor } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { SystemTicketCommand } from '../../system-change';

/** dispatch.decided: the desk (by rule or by hand) named the lead and the co-handlers. */
export class AssignTicketCommand extends SystemTicketCommand {
  constructor(
    manager: EntityManager,
    ticketId: string,
    actor: Actor,
    causedBy: string,
    readonly leadDepartmentId: string,
    readonly coHandlerDepartmentIds: string[],
    readonly via: 'rule' | 'manual',
    readonly ruleId: string | null,
    readonly explanation: string,
  ) {
    super(manager, ticketId, actor, causedBy);
  }
}
