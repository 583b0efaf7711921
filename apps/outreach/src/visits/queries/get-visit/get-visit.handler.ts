import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { OutreachAccessPolicy } from '../../../access/outreach-access.policy';
import { VisitReader } from '../../infrastructure/visit.reader';
import { VisitResponseDto } from '../../visit.response.dto';
import { GetVisitQuery } from './get-visit.query';

/** The visit with the tickets its problems became; the enterprise sees it without the notes and photos. */
@QueryHandler(GetVisitQuery)
export class GetVisitHandler implements IQueryHandler<GetVisitQuery, VisitResponseDto> {
  constructor(private readonly reader: VisitReader) {}

  async execute(q: GetVisitQuery): Promise<VisitResponseDto> {
    const found = await this.reader.find(q.visitId);
    if (!found || !OutreachAccessPolicy.canSeeVisit(q.user, found.scope)) throw notFound('visit', q.visitId);
    return found.view(OutreachAccessPolicy.seesVisitNotes(q.user));
  }
}
