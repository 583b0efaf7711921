import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { Page } from '@ticketing/platform';
import { GridResponseDto } from '../../grid.response.dto';
import { GridReader } from '../../infrastructure/grid.reader';
import { ListGridsQuery } from './list-grids.query';

@QueryHandler(ListGridsQuery)
export class ListGridsHandler implements IQueryHandler<ListGridsQuery, Page<GridResponseDto>> {
  constructor(private readonly grids: GridReader) {}

  execute(q: ListGridsQuery): Promise<Page<GridResponseDto>> {
    return this.grids.list(q);
  }
}
