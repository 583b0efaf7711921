import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { VisitReader } from '../../infrastructure/visit.reader';
import { VisitPageDto } from '../../visit.response.dto';
import { ListVisitsQuery } from './list-visits.query';

/** Visits in the caller's scope (the policy's SQL): an instructor's own, an enterprise's, all for the committee. */
@QueryHandler(ListVisitsQuery)
export class ListVisitsHandler implements IQueryHandler<ListVisitsQuery, VisitPageDto> {
  constructor(private readonly reader: VisitReader) {}

  execute(q: ListVisitsQuery): Promise<VisitPageDto> {
    return this.reader.list(q.user, q);
  }
}
