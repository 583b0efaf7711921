import { Actor } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';
import { SystemTicketCommand } from '../../system-change';

/** dispatch.triage-needed: no rule matched; the committee's desk routes it by hand. */
export class QueueTriageCommand extends SystemTicketCommand {
  constructor(
    manager: EntityManager,
    ticketId: string,
    actor: Actor,
    causedBy: string,
    readonly explanation: string,
  ) {
    super(manager, ticketId, actor, causedBy);
  }
}
