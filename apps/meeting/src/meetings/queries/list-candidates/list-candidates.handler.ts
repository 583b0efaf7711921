import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { MeetingReader } from '../../infrastructure/meeting.reader';
import { CandidatesResponseDto } from '../../meeting.response.dto';
import { ListCandidatesQuery } from './list-candidates.query';

/** What the next meeting's agenda starts from: escalated tickets waiting for a meeting, and open decisions to follow up. */
@QueryHandler(ListCandidatesQuery)
export class ListCandidatesHandler implements IQueryHandler<ListCandidatesQuery, CandidatesResponseDto> {
  constructor(private readonly reader: MeetingReader) {}

  execute(q: ListCandidatesQuery): Promise<CandidatesResponseDto> {
    MeetingAccessPolicy.assertRunsMeetings(q.user);
    return this.reader.candidates();
  }
}
