import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NeedReader } from '../../infrastructure/need.reader';
import { NeedPageDto } from '../../need.response.dto';
import { ListNeedsQuery } from './list-needs.query';

/** Needs in the caller's scope: an enterprise's own, an instructor's grids, a department's routed ones, all for the committee. */
@QueryHandler(ListNeedsQuery)
export class ListNeedsHandler implements IQueryHandler<ListNeedsQuery, NeedPageDto> {
  constructor(private readonly reader: NeedReader) {}

  execute(q: ListNeedsQuery): Promise<NeedPageDto> {
    return this.reader.list(q.user, q);
  }
}
