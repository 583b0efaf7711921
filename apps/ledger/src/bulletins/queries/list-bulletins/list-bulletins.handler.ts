import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { BulletinsReader, BulletinSummary } from '../../infrastructure/bulletins.reader';
import { ListBulletinsQuery } from './list-bulletins.query';

@QueryHandler(ListBulletinsQuery)
export class ListBulletinsHandler implements IQueryHandler<
  ListBulletinsQuery,
  { items: BulletinSummary[]; nextCursor: string | null }
> {
  constructor(private readonly reader: BulletinsReader) {}

  async execute(q: ListBulletinsQuery) {
    const rows = await this.reader.list(q.limit + 1, q.before);
    const items = rows.slice(0, q.limit);
    return { items, nextCursor: rows.length > q.limit ? items[items.length - 1].publishedAt : null };
  }
}
