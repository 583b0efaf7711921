import { Inject, Injectable } from '@nestjs/common';
import { Actor, DomainError } from '@ticketing/contracts';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { EventCause, underCause } from '@ticketing/messaging';
import { SystemTicketCommand } from './commands/ticket-command';
import { Ticket } from './domain/ticket.aggregate';
import { TicketActionRunner, TicketMutation } from './ticket-action.runner';

export type SystemOutcome = 'applied' | 'unknown-ticket' | 'not-applicable';

/** What a change caused by another service's event names: its ticket, who caused it, the event. */
export interface SystemChange {
  ticketId: string;
  actor: Actor;
  causedBy: string;
  cause?: EventCause;
}

/**
 * Applies an upstream decision to a ticket. A decision that no longer fits the ticket (it was
 * withdrawn meanwhile, or a duplicate decision arrives) is logged and skipped: retrying cannot
 * make it fit, and dead-lettering it would hide nothing useful.
 */
@Injectable()
export class SystemChangeRunner {
  constructor(
    private readonly runner: TicketActionRunner,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  apply(c: SystemTicketCommand, mutate: TicketMutation): Promise<SystemOutcome> {
    return this.runner
      .bySystem([c.ticketId], (ticket, _, now) => this.applyTo(ticket, c, mutate, now))
      .then(([outcome]) => outcome);
  }

  /**
   * Several events' changes, one per ticket (a consumer's batch), in one unit of work: the tickets
   * locked in one read, each change applied and saved under its event's cause, each outcome as
   * `apply` would give it. A duplicate that follows one of them and is changed too is read anew
   * (saveWithFollowers), so a batch that also changes it fails its version check and is retried one
   * by one; decisions give no answers to follow.
   */
  applyEach<C extends SystemChange>(
    changes: readonly C[],
    mutate: (c: C) => TicketMutation,
  ): Promise<SystemOutcome[]> {
    return this.runner.bySystem(
      changes.map((c) => c.ticketId),
      (ticket, i, now) =>
        underCause(changes[i].cause, () => this.applyTo(ticket, changes[i], mutate(changes[i]), now)),
    );
  }

  private async applyTo(
    ticket: Ticket | null,
    c: SystemChange,
    mutate: TicketMutation,
    now: Date,
  ): Promise<SystemOutcome> {
    if (!ticket) {
      this.logger.warn(
        { ticketId: c.ticketId, causedBy: c.causedBy },
        'event about an unknown ticket skipped',
      );
      return 'unknown-ticket';
    }
    try {
      // Nothing is written until the save: a refused change leaves the ticket as it was.
      await mutate(ticket, c.actor, now);
    } catch (e) {
      if (e instanceof DomainError && (e.code === 'illegalTransition' || e.code === 'validation')) {
        this.logger.warn(
          { ticketId: c.ticketId, causedBy: c.causedBy, reason: e.message },
          'event does not apply to the ticket; skipped',
        );
        return 'not-applicable';
      }
      throw e;
    }
    await this.runner.saveWithFollowers(ticket, c.actor, now);
    return 'applied';
  }
}
