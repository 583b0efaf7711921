import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE, likePattern, Page, toPage } from '../../../shared/list.query.dto';
import { notFound } from '../../../shared/problems';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { EnterpriseOrmEntity } from '../../infrastructure/enterprise.orm-entity';
import { ListEnterprisesQueryDto } from './list-enterprises.query.dto';

@Injectable()
export class ListEnterprisesHandler {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  async list(query: ListEnterprisesQueryDto): Promise<Page<EnterpriseResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.ds.getRepository(EnterpriseOrmEntity).createQueryBuilder('e').orderBy('e.id', 'ASC').take(limit + 1);
    if (query.cursor) qb.andWhere('e.id > :cursor', { cursor: query.cursor });
    if (query.gridId) qb.andWhere('e.grid_id = :gridId', { gridId: query.gridId });
    if (query.q) {
      qb.andWhere('(e.name ILIKE :q OR e.credit_code ILIKE :q OR e.industry ILIKE :q)', { q: likePattern(query.q) });
    }
    return toPage(await qb.getMany(), limit, EnterpriseResponseDto.from);
  }

  async get(id: string): Promise<EnterpriseResponseDto> {
    const row = await this.ds.getRepository(EnterpriseOrmEntity).findOneBy({ id });
    if (!row) throw notFound('enterprise', id);
    return EnterpriseResponseDto.from(row);
  }
}
