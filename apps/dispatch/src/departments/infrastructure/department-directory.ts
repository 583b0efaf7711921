import { EntityManager } from 'typeorm';
import { DepartmentOrmEntity } from './department.orm-entity';

/** Which departments a decision may name: the active ones the desk has heard of. */
export async function loadActiveDepartmentIds(manager: EntityManager): Promise<Set<string>> {
  const rows = await manager.find(DepartmentOrmEntity, { where: { active: true }, select: { id: true } });
  return new Set(rows.map((r) => r.id));
}
