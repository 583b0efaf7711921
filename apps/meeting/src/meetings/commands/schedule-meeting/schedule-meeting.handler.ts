import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { fieldProblem } from '@ticketing/platform';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { DecisionRepository } from '../../../decisions/domain/decision.repository';
import { MeetingDirectory } from '../../../directory/domain/meeting-directory';
import { AgendaSources } from '../../../sources/domain/agenda-sources';
import { Meeting } from '../../domain/meeting.aggregate';
import { MeetingRepository } from '../../domain/meeting.repository';
import { MeetingChangedResponseDto } from '../../meeting-changed.response.dto';
import { AgendaItems } from '../agenda-items';
import { ScheduleMeetingCommand } from './schedule-meeting.command';

/**
 * One unit of work: the committee's items resolved from the ticket and need copies (a ticket the
 * ladder sent is marked `escalation`), the open decisions of earlier meetings added as follow-ups,
 * invitations checked against the directory copy, and the meeting scheduled (meeting.scheduled).
 * The same meeting id again (a retried request with its Idempotency-Key) answers the meeting.
 */
@CommandHandler(ScheduleMeetingCommand)
export class ScheduleMeetingHandler implements ICommandHandler<
  ScheduleMeetingCommand,
  MeetingChangedResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly meetings: MeetingRepository,
    private readonly decisions: DecisionRepository,
    private readonly sources: AgendaSources,
    private readonly directory: MeetingDirectory,
  ) {}

  execute(c: ScheduleMeetingCommand): Promise<MeetingChangedResponseDto> {
    return this.uow.transaction(async () => {
      MeetingAccessPolicy.assertRunsMeetings(c.user);
      const existing = await this.meetings.lockById(c.meetingId);
      if (existing && existing.snapshot().createdById === c.user.id)
        return MeetingChangedResponseDto.of(existing);
      const at = new Date();
      const agenda = new AgendaItems(this.sources, this.directory, this.decisions);
      const items = await agenda.resolve(c.items, 'items', at);
      const errors = [
        ...(await agenda.unknownDepartments(c.invitedDepartmentIds, 'invitedDepartmentIds')),
        ...(await agenda.unknownEnterprises(c.invitedEnterpriseIds, 'invitedEnterpriseIds')),
      ];
      if (errors.length) throw fieldProblem(errors);
      const convenor = await agenda.convenor(c.convenorUserId, c.user);
      const followUps = c.followUps ? await agenda.followUps(at) : [];
      const meeting = Meeting.schedule({
        id: c.meetingId,
        title: c.title,
        startsAt: c.startsAt,
        place: c.place,
        convenor,
        agenda: [...items, ...followUps],
        invitedDepartmentIds: c.invitedDepartmentIds,
        invitedEnterpriseIds: c.invitedEnterpriseIds,
        actor: { id: c.user.id, role: c.user.role },
        at,
      });
      await this.meetings.add(meeting);
      return MeetingChangedResponseDto.of(meeting);
    });
  }
}
