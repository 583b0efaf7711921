import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE, likePattern, ListQueryDto, Page } from '../../../shared/list.query.dto';
import { notFound } from '../../../shared/problems';
import { GridResponseDto } from '../../grid.response.dto';
import { GridOrmEntity } from '../../infrastructure/grid.orm-entity';
import { gridViews } from '../../infrastructure/grid.reader';

@Injectable()
export class ListGridsHandler {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  async list(query: ListQueryDto): Promise<Page<GridResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.ds.getRepository(GridOrmEntity).createQueryBuilder('g').orderBy('g.id', 'ASC').take(limit + 1);
    if (query.cursor) qb.andWhere('g.id > :cursor', { cursor: query.cursor });
    if (query.q) qb.andWhere('(g.code ILIKE :q OR g.name ILIKE :q)', { q: likePattern(query.q) });
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    return { items: await gridViews(this.ds.manager, page), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async get(id: string): Promise<GridResponseDto> {
    const row = await this.ds.getRepository(GridOrmEntity).findOneBy({ id });
    if (!row) throw notFound('grid', id);
    return (await gridViews(this.ds.manager, [row]))[0];
  }
}
