import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { fieldProblem, notFound } from '@ticketing/platform';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { DecisionRepository } from '../../../decisions/domain/decision.repository';
import { MeetingDirectory } from '../../../directory/domain/meeting-directory';
import { AgendaSources } from '../../../sources/domain/agenda-sources';
import { MeetingRepository } from '../../domain/meeting.repository';
import { MeetingChangedResponseDto } from '../../meeting-changed.response.dto';
import { AgendaItems } from '../agenda-items';
import { UpdateMeetingCommand } from './update-meeting.command';

/** One unit of work: lock the meeting, check the version seen, resolve what is added, let the meeting apply it (meeting.updated). */
@CommandHandler(UpdateMeetingCommand)
export class UpdateMeetingHandler implements ICommandHandler<
  UpdateMeetingCommand,
  MeetingChangedResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly meetings: MeetingRepository,
    private readonly decisions: DecisionRepository,
    private readonly sources: AgendaSources,
    private readonly directory: MeetingDirectory,
  ) {}

  execute(c: UpdateMeetingCommand): Promise<MeetingChangedResponseDto> {
    return this.uow.transaction(async () => {
      MeetingAccessPolicy.assertRunsMeetings(c.user);
      const meeting = await this.meetings.lockById(c.meetingId);
      if (!meeting) throw notFound('meeting', c.meetingId);
      meeting.assertVersion(c.expectedVersion);
      const at = new Date();
      const agenda = new AgendaItems(this.sources, this.directory, this.decisions);
      const addItems = c.addItems ? await agenda.resolve(c.addItems, 'addItems', at) : undefined;
      const errors = [
        ...(await agenda.unknownDepartments(c.invitedDepartmentIds ?? [], 'invitedDepartmentIds')),
        ...(await agenda.unknownEnterprises(c.invitedEnterpriseIds ?? [], 'invitedEnterpriseIds')),
      ];
      if (errors.length) throw fieldProblem(errors);
      const convenor =
        c.convenorUserId !== undefined ? await agenda.convenor(c.convenorUserId, c.user) : undefined;
      meeting.update(
        {
          title: c.title,
          startsAt: c.startsAt,
          place: c.place,
          convenor,
          addItems,
          removeItemIds: c.removeItemIds,
          invitedDepartmentIds: c.invitedDepartmentIds,
          invitedEnterpriseIds: c.invitedEnterpriseIds,
        },
        { id: c.user.id, role: c.user.role },
        at,
      );
      await this.meetings.save(meeting);
      return MeetingChangedResponseDto.of(meeting);
    });
  }
}
