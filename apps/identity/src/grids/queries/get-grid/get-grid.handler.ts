import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { GridResponseDto } from '../../grid.response.dto';
import { GridReader } from '../../infrastructure/grid.reader';
import { GetGridQuery } from './get-grid.query';

@QueryHandler(GetGridQuery)
export class GetGridHandler implements IQueryHandler<GetGridQuery, GridResponseDto> {
  constructor(private readonly grids: GridReader) {}

  async execute(q: GetGridQuery): Promise<GridResponseDto> {
    const grid = await this.grids.get(q.gridId);
    if (!grid) throw notFound('grid', q.gridId);
    return grid;
  }
}
