import { EntityManager, In } from 'typeorm';
import { fieldProblem } from '../../shared/problems';
import { UserAccountOrmEntity } from '../../users/infrastructure/user-account.orm-entity';
import { UserGridOrmEntity } from '../../users/infrastructure/user-grid.orm-entity';

/** Only instructors can be assigned to a grid, and none may be left without any grid. */
export async function checkInstructors(m: EntityManager, gridId: string | null, userIds: string[]): Promise<void> {
  const users = userIds.length ? await m.findBy(UserAccountOrmEntity, { id: In(userIds) }) : [];
  const bad = userIds.filter((id) => users.find((u) => u.id === id)?.role !== 'instructor');
  if (bad.length) {
    throw fieldProblem([{ field: 'instructorUserIds', messages: [`not instructors (or unknown): ${bad.join(', ')}`] }]);
  }
  if (!gridId) return;
  const leaving = (await m.findBy(UserGridOrmEntity, { gridId })).map((l) => l.userId).filter((id) => !userIds.includes(id));
  for (const userId of leaving) {
    const count = await m.countBy(UserGridOrmEntity, { userId });
    if (count <= 1) {
      throw fieldProblem([
        { field: 'instructorUserIds', messages: [`instructor ${userId} would be left without a grid; give them another grid first`] },
      ]);
    }
  }
}
