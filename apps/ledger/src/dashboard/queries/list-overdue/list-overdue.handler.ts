import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { departmentScope } from '../../../shared/scope';
import { TicketList, ticketView, visibleTo } from '../../../shared/ticket-view';
import { LiveFiguresReader } from '../../infrastructure/live-figures.reader';
import { ListOverdueQuery } from './list-overdue.query';

/** Red first, then the longest waiting; a department sees its own. */
@QueryHandler(ListOverdueQuery)
export class ListOverdueHandler implements IQueryHandler<ListOverdueQuery, TicketList> {
  constructor(
    private readonly live: LiveFiguresReader,
    private readonly names: NamesReader,
  ) {}

  async execute(q: ListOverdueQuery): Promise<TicketList> {
    const rows = await this.live.overdue({
      departmentId: departmentScope(q.user, q.departmentId),
      level: q.level,
      limit: q.limit,
    });
    const names = await this.names.load();
    return { items: visibleTo(q.user, rows).map((r) => ticketView(r, names)) };
  }
}
