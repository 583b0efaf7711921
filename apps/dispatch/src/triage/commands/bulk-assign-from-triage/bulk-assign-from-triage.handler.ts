import { Inject } from '@nestjs/common';
import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { APP_LOGGER, problemOf } from '@ticketing/platform';
import type { Logger } from 'pino';
import { DepartmentRepository } from '../../../departments/domain/department.repository';
import { checkManualDecision } from '../../../tickets/domain/routed-ticket.aggregate';
import { AssignFromTriageCommand } from '../assign-from-triage/assign-from-triage.command';
import { AssignFromTriageHandler } from '../assign-from-triage/assign-from-triage.handler';
import { BulkAssignFromTriageCommand } from './bulk-assign-from-triage.command';
import { BulkTriageItemResultDto, BulkTriageResultDto } from './bulk-assign-from-triage.response.dto';

/**
 * Each ticket is assigned as if asked alone: its own AssignFromTriageCommand in its own unit of
 * work, checked again there (departments, the ticket still in triage). One refused ticket does not
 * stop the others, and the ones before it stay assigned; each result says what that ticket's own
 * request would have answered.
 *
 * What is the same for every ticket (the departments and the note) is checked once first: a
 * decision no ticket could take is a 400 naming the field and nothing is done.
 */
@CommandHandler(BulkAssignFromTriageCommand)
export class BulkAssignFromTriageHandler implements ICommandHandler<
  BulkAssignFromTriageCommand,
  BulkTriageResultDto
> {
  constructor(
    private readonly one: AssignFromTriageHandler,
    private readonly departments: DepartmentRepository,
    @Inject(APP_LOGGER) private readonly logger: Logger,
  ) {}

  async execute(c: BulkAssignFromTriageCommand): Promise<BulkTriageResultDto> {
    const active = await this.departments.activeIds();
    checkManualDecision(
      { leadDepartmentId: c.leadDepartmentId, coHandlerDepartmentIds: c.coHandlerDepartmentIds },
      c.note,
      (id) => active.has(id),
    );
    const results: BulkTriageItemResultDto[] = [];
    for (const ticketId of c.ticketIds) {
      try {
        const t = await this.one.execute(
          AssignFromTriageCommand.create({
            ticketId,
            leadDepartmentId: c.leadDepartmentId,
            coHandlerDepartmentIds: c.coHandlerDepartmentIds,
            note: c.note,
            actor: c.actor,
          }),
        );
        results.push({
          ticketId,
          ok: true,
          number: t.number,
          status: t.status,
          leadDepartmentId: t.leadDepartmentId ?? undefined,
          coHandlerDepartmentIds: t.coHandlerDepartmentIds,
        });
      } catch (e) {
        const problem = problemOf(e);
        // As a 500 would be: the error goes to the log, the caller learns which ticket to retry.
        if (problem.status >= 500)
          this.logger.error({ err: e, ticketId }, 'bulk assign from triage: ticket failed');
        results.push({ ticketId, ok: false, problem });
      }
    }
    const succeeded = results.filter((r) => r.ok).length;
    return { results, succeeded, failed: results.length - succeeded };
  }
}
