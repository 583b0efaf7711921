import { Inject, Injectable } from '@nestjs/common';
import { DomainError } from '@ticketing/contracts';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { SystemTicketCommand } from './commands/ticket-command';
import { TicketActionRunner, TicketMutation } from './ticket-action.runner';

export type SystemOutcome = 'applied' | 'unknown-ticket' | 'not-applicable';

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

  async apply(c: SystemTicketCommand, mutate: TicketMutation): Promise<SystemOutcome> {
    try {
      const found = await this.runner.bySystem(c.ticketId, c.actor, mutate);
      if (!found) {
        this.logger.warn(
          { ticketId: c.ticketId, causedBy: c.causedBy },
          'event about an unknown ticket skipped',
        );
        return 'unknown-ticket';
      }
      return 'applied';
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
  }
}
