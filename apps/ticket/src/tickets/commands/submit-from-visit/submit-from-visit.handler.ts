import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { AuthUser } from '@ticketing/auth';
import { Clock, DomainError, newId } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { APP_LOGGER } from '@ticketing/platform';
import type { Logger } from 'pino';
import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { CategoryCatalog } from '../../../categories/domain/category-catalog';
import { EnterpriseDirectory } from '../../../directory/domain/enterprise-directory';
import { TicketAccessPolicy } from '../../access/ticket-access.policy';
import { Ticket } from '../../domain/ticket.aggregate';
import { TicketNumbers } from '../../domain/ticket-numbers';
import { TicketRepository } from '../../domain/ticket.repository';
import { SubmitFromVisitCommand } from './submit-from-visit.command';

/**
 * One ticket per problem raised in a visit, all in the unit of work of the event's inbox row.
 * Ticket ids are fresh (newId), not derived from the visit: the inbox applies each
 * outreach.visit-recorded once per consumer group, in the same transaction as these tickets, so a
 * redelivered event finds its inbox row and submits nothing twice.
 *
 * The submit rules are the whistle form's (TicketAccessPolicy): the enterprise must be active in
 * our directory copy and in one of the instructor's grids. Refused, the event is retried and then
 * dead-lettered with the reason: a visit's problem is never dropped silently. An unknown enterprise
 * is usually our copy lagging behind the directory, which a retry fixes.
 */
@CommandHandler(SubmitFromVisitCommand)
export class SubmitFromVisitHandler implements ICommandHandler<SubmitFromVisitCommand, string[]> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: TicketRepository,
    private readonly numbers: TicketNumbers,
    private readonly directory: EnterpriseDirectory,
    private readonly categories: CategoryCatalog,
    private readonly attachments: AttachmentBinder,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  execute(c: SubmitFromVisitCommand): Promise<string[]> {
    return this.uow.transaction(async () => {
      const enterprise = await this.directory.findEnterprise(c.enterpriseId);
      if (!enterprise || !enterprise.active) {
        throw new DomainError(
          'unprocessable',
          `enterprise ${c.enterpriseId} of visit ${c.visitId} is not (or no longer) in the directory`,
          { visitId: c.visitId, enterpriseId: c.enterpriseId },
        );
      }
      const instructor: AuthUser = {
        id: c.instructor.id,
        role: 'instructor',
        name: c.instructor.name,
        gridIds: c.instructor.gridIds,
      };
      const gridId = TicketAccessPolicy.submissionGrid(instructor, enterprise, undefined);
      const ids: string[] = [];
      for (const problem of c.problems) {
        const at = Clock.now();
        const id = newId();
        // The visit form offers the seeded categories; one the committee has since retired must not
        // lose the problem: it goes to the committee's triage as `other`.
        const category = (await this.categories.findActive(problem.category))?.code ?? 'other';
        if (category !== problem.category) {
          this.logger.warn(
            { visitId: c.visitId, category: problem.category, causedBy: c.causedBy },
            'visit problem with an inactive category filed as other',
          );
        }
        const ticket = Ticket.submit({
          id,
          number: await this.numbers.next(at),
          enterpriseId: enterprise.id,
          enterpriseName: enterprise.name,
          gridId,
          submittedBy: { id: instructor.id, role: 'instructor' },
          title: problem.title.trim(),
          description: problem.description.trim(),
          category,
          urgency: problem.urgency,
          location: problem.location?.trim() || null,
          contact: { name: problem.contactName.trim(), phone: problem.contactPhone.trim() },
          attachments: await this.attachments.adopt(problem.photos, instructor, id, at),
          channel: 'visit',
          visit: { id: c.visitId, problemIndex: problem.index },
          at,
        });
        await this.tickets.save(ticket);
        ids.push(id);
      }
      return ids;
    });
  }
}
