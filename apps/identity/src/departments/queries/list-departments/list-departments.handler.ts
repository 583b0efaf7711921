import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE, likePattern, ListQueryDto, Page, toPage } from '../../../shared/list.query.dto';
import { notFound } from '../../../shared/problems';
import { DepartmentResponseDto } from '../../department.response.dto';
import { DepartmentOrmEntity } from '../../infrastructure/department.orm-entity';

@Injectable()
export class ListDepartmentsHandler {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  async list(query: ListQueryDto): Promise<Page<DepartmentResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.ds.getRepository(DepartmentOrmEntity).createQueryBuilder('d').orderBy('d.id', 'ASC').take(limit + 1);
    if (query.cursor) qb.andWhere('d.id > :cursor', { cursor: query.cursor });
    if (query.q) {
      qb.andWhere('(d.code ILIKE :q OR d.name_zh ILIKE :q OR d.name_en ILIKE :q)', { q: likePattern(query.q) });
    }
    return toPage(await qb.getMany(), limit, DepartmentResponseDto.from);
  }

  async get(id: string): Promise<DepartmentResponseDto> {
    const row = await this.ds.getRepository(DepartmentOrmEntity).findOneBy({ id });
    if (!row) throw notFound('department', id);
    return DepartmentResponseDto.from(row);
  }
}
