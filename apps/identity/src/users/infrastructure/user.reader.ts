import { Injectable } from '@nestjs/common';
import { Role } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { likePattern, Page, toPage } from '@ticketing/platform';
import { In } from 'typeorm';
import { UserResponseDto } from '../user.response.dto';
import { UserAccountOrmEntity } from './user-account.orm-entity';
import { UserGridOrmEntity } from './user-grid.orm-entity';

export interface UserFilter {
  q?: string;
  role?: Role;
  enterpriseId?: string;
  departmentId?: string;
  gridId?: string;
  cursor?: string;
  limit: number;
}

/** Users as answers (never a credential), with their grids in one extra query per page. */
@Injectable()
export class UserReader {
  constructor(private readonly tx: TransactionContext) {}

  async list(f: UserFilter): Promise<Page<UserResponseDto>> {
    const qb = this.tx.manager
      .getRepository(UserAccountOrmEntity)
      .createQueryBuilder('u')
      .orderBy('u.id', 'ASC')
      .take(f.limit + 1);
    if (f.cursor) qb.andWhere('u.id > :cursor', { cursor: f.cursor });
    if (f.role) qb.andWhere('u.role = :role', { role: f.role });
    if (f.enterpriseId) qb.andWhere('u.enterprise_id = :e', { e: f.enterpriseId });
    if (f.departmentId) qb.andWhere('u.department_id = :d', { d: f.departmentId });
    if (f.gridId)
      qb.andWhere('u.id IN (SELECT user_id FROM identity.user_grid WHERE grid_id = :g)', { g: f.gridId });
    if (f.q) {
      qb.andWhere(
        '(u.username ILIKE :q OR u.display_name ILIKE :q OR u.email ILIKE :q OR u.mobile ILIKE :q)',
        { q: likePattern(f.q) },
      );
    }
    const page = toPage(
      await qb.getMany(),
      f.limit,
      (u) => u,
      (u) => u.id,
    );
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<UserResponseDto | null> {
    const u = await this.tx.manager.findOneBy(UserAccountOrmEntity, { id });
    return u ? (await this.views([u]))[0] : null;
  }

  private async views(users: UserAccountOrmEntity[]): Promise<UserResponseDto[]> {
    const links = users.length
      ? await this.tx.manager.find(UserGridOrmEntity, {
          where: { userId: In(users.map((u) => u.id)) },
          order: { gridId: 'ASC' },
        })
      : [];
    return users.map((u) =>
      UserResponseDto.from({ ...u, gridIds: links.filter((l) => l.userId === u.id).map((l) => l.gridId) }),
    );
  }
}
