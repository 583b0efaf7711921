import { DomainError } from '@ticketing/contracts';
import { EntityManager, In, Not } from 'typeorm';
import { DepartmentOrmEntity } from '../../departments/infrastructure/department.orm-entity';
import { EnterpriseOrmEntity } from '../../enterprises/infrastructure/enterprise.orm-entity';
import { GridOrmEntity } from '../../grids/infrastructure/grid.orm-entity';
import { fieldProblem } from '../../shared/problems';
import { FieldProblem, UserScope } from '../domain/user-scope';
import { UserAccountOrmEntity } from './user-account.orm-entity';

/** Scope ids must name things that exist; all problems are reported at once. */
export async function checkScopeExists(m: EntityManager, scope: UserScope, earlier: FieldProblem[]): Promise<void> {
  const problems = [...earlier];
  if (scope.enterpriseId && !(await m.existsBy(EnterpriseOrmEntity, { id: scope.enterpriseId }))) {
    problems.push({ field: 'enterpriseId', messages: [`enterpriseId ${scope.enterpriseId} is not a known enterprise`] });
  }
  if (scope.departmentId && !(await m.existsBy(DepartmentOrmEntity, { id: scope.departmentId }))) {
    problems.push({ field: 'departmentId', messages: [`departmentId ${scope.departmentId} is not a known department`] });
  }
  if (scope.gridIds.length) {
    const found = (await m.findBy(GridOrmEntity, { id: In(scope.gridIds) })).map((g) => g.id);
    const unknown = scope.gridIds.filter((id) => !found.includes(id));
    if (unknown.length) problems.push({ field: 'gridIds', messages: [`unknown grids: ${unknown.join(', ')}`] });
  }
  if (problems.length) throw fieldProblem(problems);
}

/** Nobody could administer the directory any more: refuse instead. */
export async function checkAnotherActiveAdmin(m: EntityManager, userId: string): Promise<void> {
  const others = await m.countBy(UserAccountOrmEntity, { role: 'admin', active: true, id: Not(userId) });
  if (others === 0) throw new DomainError('conflict', 'this is the last active admin: make another user admin first');
}
