import { EntityManager } from 'typeorm';
import { UserResponseDto } from '../user.response.dto';
import { UserAccountOrmEntity } from './user-account.orm-entity';
import { UserGridLinks } from './user-grid.links';

export async function userViews(m: EntityManager, users: UserAccountOrmEntity[]): Promise<UserResponseDto[]> {
  const grids = await UserGridLinks.gridIdsOf(m, users.map((u) => u.id));
  return users.map((u) => UserResponseDto.from(u, grids.get(u.id) ?? []));
}

export async function userView(m: EntityManager, id: string): Promise<UserResponseDto | null> {
  const u = await m.findOneBy(UserAccountOrmEntity, { id });
  return u ? (await userViews(m, [u]))[0] : null;
}
