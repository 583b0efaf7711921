import { Actor } from '@ticketing/contracts';
import { EntityManager } from 'typeorm';

/**
 * A change caused by another service's event. It runs inside that event's inbox transaction
 * (`manager`), so the change, its outbox events and the inbox mark commit together.
 */
export abstract class SystemTicketCommand {
  constructor(
    readonly manager: EntityManager,
    readonly ticketId: string,
    /** Who caused it upstream (a committee member for manual decisions, else the system). */
    readonly actor: Actor,
    /** The upstream event, for the log when the change cannot apply. */
    readonly causedBy: string,
  ) {}
}
