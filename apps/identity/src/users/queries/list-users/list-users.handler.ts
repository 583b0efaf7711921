import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { DEFAULT_PAGE_SIZE, likePattern, Page } from '../../../shared/list.query.dto';
import { notFound } from '../../../shared/problems';
import { UserAccountOrmEntity } from '../../infrastructure/user-account.orm-entity';
import { userView, userViews } from '../../infrastructure/user.reader';
import { UserResponseDto } from '../../user.response.dto';
import { ListUsersQueryDto } from './list-users.query.dto';

@Injectable()
export class ListUsersHandler {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  async list(query: ListUsersQueryDto): Promise<Page<UserResponseDto>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const qb = this.ds.getRepository(UserAccountOrmEntity).createQueryBuilder('u').orderBy('u.id', 'ASC').take(limit + 1);
    if (query.cursor) qb.andWhere('u.id > :cursor', { cursor: query.cursor });
    if (query.role) qb.andWhere('u.role = :role', { role: query.role });
    if (query.enterpriseId) qb.andWhere('u.enterprise_id = :e', { e: query.enterpriseId });
    if (query.departmentId) qb.andWhere('u.department_id = :d', { d: query.departmentId });
    if (query.gridId) qb.andWhere('u.id IN (SELECT user_id FROM identity.user_grid WHERE grid_id = :g)', { g: query.gridId });
    if (query.q) {
      qb.andWhere('(u.username ILIKE :q OR u.display_name ILIKE :q OR u.email ILIKE :q OR u.mobile ILIKE :q)', { q: likePattern(query.q) });
    }
    const rows = await qb.getMany();
    const page = rows.slice(0, limit);
    return { items: await userViews(this.ds.manager, page), nextCursor: rows.length > limit ? page[page.length - 1].id : null };
  }

  async get(id: string): Promise<UserResponseDto> {
    const view = await userView(this.ds.manager, id);
    if (!view) throw notFound('user', id);
    return view;
  }
}
