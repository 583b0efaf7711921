import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { DomainError } from '@ticketing/contracts';
import { notFound } from '@ticketing/platform';
import { MeetingReader } from '../../infrastructure/meeting.reader';
import { minutesDocument } from '../../infrastructure/minutes-document';
import { ExportMinutesQuery } from './export-minutes.query';

/** 会议纪要 as .docx, for whoever may see the meeting, once it was held. */
@QueryHandler(ExportMinutesQuery)
export class ExportMinutesHandler implements IQueryHandler<
  ExportMinutesQuery,
  { title: string; body: Buffer }
> {
  constructor(private readonly reader: MeetingReader) {}

  async execute(q: ExportMinutesQuery): Promise<{ title: string; body: Buffer }> {
    const found = await this.reader.find(q.user, q.meetingId);
    if (!found) throw notFound('meeting', q.meetingId);
    if (found.view.status !== 'held')
      throw new DomainError(
        'illegalTransition',
        `the meeting is ${found.view.status}: minutes exist once it is recorded`,
        {
          currentStatus: found.view.status,
        },
      );
    return { title: found.view.title, body: await minutesDocument(found.view) };
  }
}
