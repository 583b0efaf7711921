import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { likePattern, Page, toPage } from '@ticketing/platform';
import { In } from 'typeorm';
import { UserGridOrmEntity } from '../../users/infrastructure/user-grid.orm-entity';
import { GridResponseDto } from '../grid.response.dto';
import { GridOrmEntity } from './grid.orm-entity';

/** Grids with their instructors, in one extra query for the whole page. */
@Injectable()
export class GridReader {
  constructor(private readonly tx: TransactionContext) {}

  async list(f: { q?: string; cursor?: string; limit: number }): Promise<Page<GridResponseDto>> {
    const qb = this.tx.manager
      .getRepository(GridOrmEntity)
      .createQueryBuilder('g')
      .orderBy('g.id', 'ASC')
      .take(f.limit + 1);
    if (f.cursor) qb.andWhere('g.id > :cursor', { cursor: f.cursor });
    if (f.q) qb.andWhere('(g.code ILIKE :q OR g.name ILIKE :q)', { q: likePattern(f.q) });
    const page = toPage(
      await qb.getMany(),
      f.limit,
      (g) => g,
      (g) => g.id,
    );
    return { items: await this.views(page.items), nextCursor: page.nextCursor };
  }

  async get(id: string): Promise<GridResponseDto | null> {
    const row = await this.tx.manager.findOneBy(GridOrmEntity, { id });
    return row ? (await this.views([row]))[0] : null;
  }

  private async views(grids: GridOrmEntity[]): Promise<GridResponseDto[]> {
    const links = grids.length
      ? await this.tx.manager.find(UserGridOrmEntity, {
          where: { gridId: In(grids.map((g) => g.id)) },
          order: { userId: 'ASC' },
        })
      : [];
    return grids.map((g) =>
      GridResponseDto.from({
        ...g,
        instructorUserIds: links.filter((l) => l.gridId === g.id).map((l) => l.userId),
      }),
    );
  }
}
