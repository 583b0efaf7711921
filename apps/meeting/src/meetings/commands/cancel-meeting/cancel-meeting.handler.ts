import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { UnitOfWork } from '@ticketing/database';
import { notFound } from '@ticketing/platform';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { MeetingRepository } from '../../domain/meeting.repository';
import { MeetingChangedResponseDto } from '../../meeting-changed.response.dto';
import { CancelMeetingCommand } from './cancel-meeting.command';

/** A scheduled meeting is called off (meeting.cancelled); its tickets wait for the next one again. */
@CommandHandler(CancelMeetingCommand)
export class CancelMeetingHandler implements ICommandHandler<
  CancelMeetingCommand,
  MeetingChangedResponseDto
> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly meetings: MeetingRepository,
  ) {}

  execute(c: CancelMeetingCommand): Promise<MeetingChangedResponseDto> {
    return this.uow.transaction(async () => {
      MeetingAccessPolicy.assertRunsMeetings(c.user);
      const meeting = await this.meetings.lockById(c.meetingId);
      if (!meeting) throw notFound('meeting', c.meetingId);
      meeting.assertVersion(c.expectedVersion);
      meeting.cancel(c.reason, { id: c.user.id, role: c.user.role }, new Date());
      await this.meetings.save(meeting);
      return MeetingChangedResponseDto.of(meeting);
    });
  }
}
