import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { MeetingAccessPolicy } from '../../../access/meeting-access.policy';
import { dayOf } from '../../../shared/domain/zone-time';
import { MEETING_FIGURE_DEFINITIONS, MeetingReader } from '../../infrastructure/meeting.reader';
import { MeetingStatsDto } from '../../meeting.response.dto';
import { MeetingStatsQuery } from './meeting-stats.query';

/** 召开联席会 N 次，协调解决问题 N 个，推动达成合作 N 起: the counts of a period, with their formulas. */
@QueryHandler(MeetingStatsQuery)
export class MeetingStatsHandler implements IQueryHandler<MeetingStatsQuery, MeetingStatsDto> {
  constructor(private readonly reader: MeetingReader) {}

  async execute(q: MeetingStatsQuery): Promise<MeetingStatsDto> {
    MeetingAccessPolicy.assertRunsMeetings(q.user);
    const counts = await this.reader.stats(q.from, q.to);
    return {
      from: dayOf(q.from),
      to: dayOf(new Date(q.to.getTime() - 1)),
      ...counts,
      definitions: { ...MEETING_FIGURE_DEFINITIONS },
    };
  }
}
