import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { MeetingReader } from '../../infrastructure/meeting.reader';
import { MeetingResponseDto } from '../../meeting.response.dto';
import { GetMeetingQuery } from './get-meeting.query';

/** One meeting whole: agenda (follow-ups with their reports), invitations, attendance, summary, decisions. */
@QueryHandler(GetMeetingQuery)
export class GetMeetingHandler implements IQueryHandler<GetMeetingQuery, MeetingResponseDto> {
  constructor(private readonly reader: MeetingReader) {}

  async execute(q: GetMeetingQuery): Promise<MeetingResponseDto> {
    const found = await this.reader.find(q.user, q.meetingId);
    if (!found) throw notFound('meeting', q.meetingId);
    return found.view;
  }
}
