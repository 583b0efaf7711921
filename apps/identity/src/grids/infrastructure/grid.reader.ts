import { EntityManager, In } from 'typeorm';
import { UserGridOrmEntity } from '../../users/infrastructure/user-grid.orm-entity';
import { GridResponseDto } from '../grid.response.dto';
import { GridOrmEntity } from './grid.orm-entity';

/** Grids with their instructors, in one extra query for the whole page. */
export async function gridViews(m: EntityManager, grids: GridOrmEntity[]): Promise<GridResponseDto[]> {
  const ids = grids.map((g) => g.id);
  const links = ids.length ? await m.find(UserGridOrmEntity, { where: { gridId: In(ids) }, order: { userId: 'ASC' } }) : [];
  return grids.map((g) => GridResponseDto.from(g, links.filter((l) => l.gridId === g.id).map((l) => l.userId)));
}
