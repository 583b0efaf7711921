import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { likePattern, Page, toPage } from '@ticketing/platform';
import { DepartmentResponseDto } from '../department.response.dto';
import { DepartmentOrmEntity } from './department.orm-entity';

@Injectable()
export class DepartmentReader {
  constructor(private readonly tx: TransactionContext) {}

  /** By id; `q` matches the code and both names. */
  async list(f: { q?: string; cursor?: string; limit: number }): Promise<Page<DepartmentResponseDto>> {
    const qb = this.tx.manager
      .getRepository(DepartmentOrmEntity)
      .createQueryBuilder('d')
      .orderBy('d.id', 'ASC')
      .take(f.limit + 1);
    if (f.cursor) qb.andWhere('d.id > :cursor', { cursor: f.cursor });
    if (f.q) {
      qb.andWhere('(d.code ILIKE :q OR d.name_zh ILIKE :q OR d.name_en ILIKE :q)', { q: likePattern(f.q) });
    }
    return toPage(await qb.getMany(), f.limit, DepartmentResponseDto.from, (d) => d.id);
  }

  async get(id: string): Promise<DepartmentResponseDto | null> {
    const row = await this.tx.manager.findOneBy(DepartmentOrmEntity, { id });
    return row && DepartmentResponseDto.from(row);
  }
}
