import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { VisitRepository } from '../../domain/visit.repository';
import { LinkVisitTicketCommand } from './link-visit-ticket.command';
import { Clock } from '@ticketing/contracts';

export type LinkOutcome = 'linked' | 'known' | 'unknown-visit';

/**
 * Runs in the inbox transaction of ticket.submitted: the visit records its problem's ticket and
 * announces outreach.visit-linked. A visit we do not hold cannot be (ours come first: the ticket
 * answers our own event), so it is logged and skipped rather than retried.
 */
@CommandHandler(LinkVisitTicketCommand)
export class LinkVisitTicketHandler implements ICommandHandler<LinkVisitTicketCommand, LinkOutcome> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly visits: VisitRepository,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  execute(c: LinkVisitTicketCommand): Promise<LinkOutcome> {
    return this.uow.transaction(async () => {
      const visit = await this.visits.lockById(c.visitId);
      if (!visit) {
        this.logger.warn(
          { visitId: c.visitId, ticketId: c.ticketId, causedBy: c.causedBy },
          'ticket names an unknown visit',
        );
        return 'unknown-visit';
      }
      const linked = visit.linkTicket(
        { problemIndex: c.problemIndex, ticketId: c.ticketId, ticketNumber: c.ticketNumber },
        c.actor,
        Clock.now(),
      );
      await this.visits.save(visit);
      return linked ? 'linked' : 'known';
    });
  }
}
