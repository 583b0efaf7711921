import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DataSource, SelectQueryBuilder } from 'typeorm';
import { DEFAULT_PAGE_SIZE, likePattern, Page, toPage } from '../../../shared/list.query.dto';
import { notFound } from '../../../shared/problems';
import { EnterpriseResponseDto } from '../../enterprise.response.dto';
import { EnterpriseOrmEntity } from '../../infrastructure/enterprise.orm-entity';
import { ListEnterprisesQueryDto } from './list-enterprises.query.dto';

/**
 * An instructor sees the enterprises of the grids in their token and nothing else; admin and committee
 * see all. The scope comes from the signed claim, never from the query string, so a gridId parameter
 * can only narrow an instructor's view further.
 */
function scopeTo(qb: SelectQueryBuilder<EnterpriseOrmEntity>, caller: AuthUser): void {
  if (caller.role !== 'instructor') return;
  const grids = caller.gridIds ?? [];
  // An instructor without a grid has no enterprises: `IN ()` is not valid SQL, so say false outright.
  if (grids.length === 0) qb.andWhere('false');
  else qb.andWhere('e.grid_id IN (:...callerGrids)', { callerGrids: grids });
}

@Injectable()
export class ListEnterprisesHandler {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  async list(query: ListEnterprisesQueryDto, caller: AuthUser): Promise<Page<EnterpriseResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.ds
      .getRepository(EnterpriseOrmEntity)
      .createQueryBuilder('e')
      .orderBy('e.id', 'ASC')
      .take(limit + 1);
    scopeTo(qb, caller);
    if (query.cursor) qb.andWhere('e.id > :cursor', { cursor: query.cursor });
    if (query.gridId) qb.andWhere('e.grid_id = :gridId', { gridId: query.gridId });
    if (query.q) {
      qb.andWhere('(e.name ILIKE :q OR e.credit_code ILIKE :q OR e.industry ILIKE :q)', {
        q: likePattern(query.q),
      });
    }
    return toPage(await qb.getMany(), limit, EnterpriseResponseDto.from);
  }

  /**
   * Outside an instructor's grids an enterprise is answered as absent, so its existence does not
   * leak; an enterprise's own users read their own record (its contacts fill their whistle form) and
   * no other.
   */
  async get(id: string, caller: AuthUser): Promise<EnterpriseResponseDto> {
    const qb = this.ds.getRepository(EnterpriseOrmEntity).createQueryBuilder('e').where('e.id = :id', { id });
    if (caller.role === 'enterprise') qb.andWhere('e.id = :own', { own: caller.enterpriseId ?? null });
    scopeTo(qb, caller);
    const row = await qb.getOne();
    if (!row) throw notFound('enterprise', id);
    return EnterpriseResponseDto.from(row);
  }
}
