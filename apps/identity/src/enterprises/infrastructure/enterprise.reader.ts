import { Injectable } from '@nestjs/common';
import { AuthUser } from '@ticketing/auth';
import { TransactionContext } from '@ticketing/database';
import { likePattern, Page, toPage } from '@ticketing/platform';
import { SelectQueryBuilder } from 'typeorm';
import { EnterpriseResponseDto } from '../enterprise.response.dto';
import { EnterpriseOrmEntity } from './enterprise.orm-entity';

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
export class EnterpriseReader {
  constructor(private readonly tx: TransactionContext) {}

  async list(
    caller: AuthUser,
    f: { q?: string; gridId?: string; cursor?: string; limit: number },
  ): Promise<Page<EnterpriseResponseDto>> {
    const qb = this.tx.manager
      .getRepository(EnterpriseOrmEntity)
      .createQueryBuilder('e')
      .orderBy('e.id', 'ASC')
      .take(f.limit + 1);
    scopeTo(qb, caller);
    if (f.cursor) qb.andWhere('e.id > :cursor', { cursor: f.cursor });
    if (f.gridId) qb.andWhere('e.grid_id = :gridId', { gridId: f.gridId });
    if (f.q) {
      qb.andWhere('(e.name ILIKE :q OR e.credit_code ILIKE :q OR e.industry ILIKE :q)', {
        q: likePattern(f.q),
      });
    }
    return toPage(await qb.getMany(), f.limit, EnterpriseResponseDto.from, (e) => e.id);
  }

  /**
   * Outside an instructor's grids an enterprise is answered as absent, so its existence does not
   * leak; an enterprise's own users read their own record (its contacts fill their whistle form) and
   * no other.
   */
  async get(caller: AuthUser, id: string): Promise<EnterpriseResponseDto | null> {
    const qb = this.tx.manager
      .getRepository(EnterpriseOrmEntity)
      .createQueryBuilder('e')
      .where('e.id = :id', { id });
    if (caller.role === 'enterprise') qb.andWhere('e.id = :own', { own: caller.enterpriseId ?? null });
    scopeTo(qb, caller);
    const row = await qb.getOne();
    return row && EnterpriseResponseDto.from(row);
  }
}
