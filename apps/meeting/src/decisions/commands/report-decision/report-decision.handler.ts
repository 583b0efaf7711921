import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { DecisionChangedResponseDto } from '../../decision-changed.response.dto';
import { DecisionRepository } from '../../domain/decision.repository';
import { ReportDecisionCommand } from './report-decision.command';

/** One unit of work: lock the decision, check the caller is its lead or a co-handler, the version, then report (meeting.decision-reported). */
@CommandHandler(ReportDecisionCommand)
export class ReportDecisionHandler implements ICommandHandler<
  ReportDecisionCommand,
  DecisionChangedResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly decisions: DecisionRepository,
  ) {}

  execute(c: ReportDecisionCommand): Promise<DecisionChangedResponseDto> {
    return this.uow.transaction(async () => {
      const decision = await this.decisions.lockById(c.decisionId);
      if (!decision) throw notFound('decision', c.decisionId);
      const departmentId = MeetingAccessPolicy.assertMayReport(c.user, decision.snapshot());
      decision.assertVersion(c.expectedVersion);
      decision.report(departmentId, c.progress, c.report, { id: c.user.id, role: c.user.role }, new Date());
      await this.decisions.save(decision);
      return DecisionChangedResponseDto.of(decision);
    });
  }
}
