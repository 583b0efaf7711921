import { Injectable } from '@nestjs/common';
import { DepartmentRepository } from '../departments/domain/department.repository';
import { EnterpriseRepository } from '../enterprises/domain/enterprise.repository';
import { FieldProblem, UserScope } from './domain/user-scope';

/** A user's scope must name things that exist; every unknown one is reported at once. */
@Injectable()
export class UserScopeCheck {
  constructor(
    private readonly enterprises: EnterpriseRepository,
    private readonly departments: DepartmentRepository,
  ) {}

  /** `knownGrids`: the grids of the scope the caller already found (it locks them to change them). */
  async unknown(scope: UserScope, knownGrids: string[]): Promise<FieldProblem[]> {
    const problems: FieldProblem[] = [];
    if (scope.enterpriseId && !(await this.enterprises.exists(scope.enterpriseId))) {
      problems.push({
        field: 'enterpriseId',
        messages: [`enterpriseId ${scope.enterpriseId} is not a known enterprise`],
      });
    }
    if (scope.departmentId && !(await this.departments.exists(scope.departmentId))) {
      problems.push({
        field: 'departmentId',
        messages: [`departmentId ${scope.departmentId} is not a known department`],
      });
    }
    const unknownGrids = scope.gridIds.filter((id) => !knownGrids.includes(id));
    if (unknownGrids.length)
      problems.push({ field: 'gridIds', messages: [`unknown grids: ${unknownGrids.join(', ')}`] });
    return problems;
  }
}
