import { EntityManager, In } from 'typeorm';
import { GridOrmEntity } from '../../grids/infrastructure/grid.orm-entity';
import { UserAccountOrmEntity } from './user-account.orm-entity';
import { UserGridOrmEntity } from './user-grid.orm-entity';

const diff = (before: string[], after: string[]) => ({
  added: after.filter((x) => !before.includes(x)),
  removed: before.filter((x) => !after.includes(x)),
});

/**
 * The instructor ⇄ grid links, changed from either side. The other side's entities change too
 * (a grid's instructor list, a user's grids): their versions are bumped and their ids returned so
 * the caller announces them.
 */
export const UserGridLinks = {
  async setGridsOfUser(m: EntityManager, userId: string, gridIds: string[]): Promise<string[]> {
    const before = (await m.findBy(UserGridOrmEntity, { userId })).map((l) => l.gridId);
    const { added, removed } = diff(before, gridIds);
    if (removed.length) await m.delete(UserGridOrmEntity, { userId, gridId: In(removed) });
    if (added.length) await m.insert(UserGridOrmEntity, added.map((gridId) => ({ userId, gridId })));
    const touched = [...added, ...removed];
    if (touched.length) {
      await m.increment(GridOrmEntity, { id: In(touched) }, 'version', 1);
      await m.update(GridOrmEntity, { id: In(touched) }, { updatedAt: new Date() });
    }
    return touched;
  },

  async setUsersOfGrid(m: EntityManager, gridId: string, userIds: string[]): Promise<string[]> {
    const before = (await m.findBy(UserGridOrmEntity, { gridId })).map((l) => l.userId);
    const { added, removed } = diff(before, userIds);
    if (removed.length) await m.delete(UserGridOrmEntity, { gridId, userId: In(removed) });
    if (added.length) await m.insert(UserGridOrmEntity, added.map((userId) => ({ userId, gridId })));
    const touched = [...added, ...removed];
    if (touched.length) {
      await m.increment(UserAccountOrmEntity, { id: In(touched) }, 'version', 1);
      await m.update(UserAccountOrmEntity, { id: In(touched) }, { updatedAt: new Date() });
    }
    return touched;
  },

  async gridIdsOf(m: EntityManager, userIds: string[]): Promise<Map<string, string[]>> {
    const links = userIds.length ? await m.find(UserGridOrmEntity, { where: { userId: In(userIds) }, order: { gridId: 'ASC' } }) : [];
    const map = new Map<string, string[]>(userIds.map((id) => [id, []]));
    for (const l of links) map.get(l.userId)!.push(l.gridId);
    return map;
  },
};
