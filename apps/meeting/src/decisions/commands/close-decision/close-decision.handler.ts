import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { invalidField, notFound } from '@ticketing/platform';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { MeetingRepository } from '../../../meetings/domain/meeting.repository';
import { DecisionChangedResponseDto } from '../../decision-changed.response.dto';
import { DecisionRepository } from '../../domain/decision.repository';
import { CloseDecisionCommand } from './close-decision.command';

/**
 * One unit of work: the committee closes the decision (meeting.decision-closed). The meeting it
 * names, where the outcome was reported, must have the decision on its agenda as a follow-up and
 * not be cancelled.
 */
@CommandHandler(CloseDecisionCommand)
export class CloseDecisionHandler implements ICommandHandler<
  CloseDecisionCommand,
  DecisionChangedResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly decisions: DecisionRepository,
    private readonly meetings: MeetingRepository,
  ) {}

  execute(c: CloseDecisionCommand): Promise<DecisionChangedResponseDto> {
    return this.uow.transaction(async () => {
      MeetingAccessPolicy.assertRunsMeetings(c.user);
      const decision = await this.decisions.lockById(c.decisionId);
      if (!decision) throw notFound('decision', c.decisionId);
      decision.assertVersion(c.expectedVersion);
      if (c.meetingId) {
        const meeting = await this.meetings.lockById(c.meetingId);
        const s = meeting?.snapshot();
        if (!s || s.status === 'cancelled' || !s.agenda.some((i) => i.decisionId === c.decisionId))
          throw invalidField(
            'meetingId',
            `${c.meetingId} is not a meeting that has this decision on its agenda as a follow-up`,
          );
      }
      decision.close(
        c.outcome,
        c.note,
        c.meetingId ?? null,
        { id: c.user.id, role: c.user.role },
        new Date(),
      );
      await this.decisions.save(decision);
      return DecisionChangedResponseDto.of(decision);
    });
  }
}
