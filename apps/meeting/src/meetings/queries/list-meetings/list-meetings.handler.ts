import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MeetingReader } from '../../infrastructure/meeting.reader';
import { MeetingPageDto } from '../../meeting.response.dto';
import { ListMeetingsQuery } from './list-meetings.query';

/** Meetings in the caller's scope (the committee all, a department those it was invited to or owns a decision of), latest first. */
@QueryHandler(ListMeetingsQuery)
export class ListMeetingsHandler implements IQueryHandler<ListMeetingsQuery, MeetingPageDto> {
  constructor(private readonly reader: MeetingReader) {}

  execute(q: ListMeetingsQuery): Promise<MeetingPageDto> {
    return this.reader.list(q.user, q);
  }
}
