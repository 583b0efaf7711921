import { Role } from '@ticketing/contracts';

/** What a user may see: an enterprise user one enterprise, a department user one department, an instructor their grids. */
export interface UserScope {
  enterpriseId: string | null;
  departmentId: string | null;
  gridIds: string[];
}

export interface ScopeChange {
  enterpriseId?: string | null;
  departmentId?: string | null;
  gridIds?: string[];
}

export interface FieldProblem {
  field: string;
  messages: string[];
}

const needs: Record<Role, keyof UserScope | null> = {
  enterprise: 'enterpriseId',
  department: 'departmentId',
  instructor: 'gridIds',
  committee: null,
  admin: null,
};

const isEmpty = (v: string | null | string[] | undefined) =>
  v === undefined || v === null || (Array.isArray(v) && v.length === 0);

/**
 * The scope a user ends up with after a change. Scope kinds that do not fit the role are cleared
 * when the role changes and were not given; giving one that does not fit is an error.
 */
export function resolveUserScope(
  role: Role,
  current: UserScope | null,
  change: ScopeChange,
  roleChanged: boolean,
): { scope: UserScope; problems: FieldProblem[] } {
  const problems: FieldProblem[] = [];
  const wanted = needs[role];
  const pick = <K extends keyof UserScope>(k: K): UserScope[K] | undefined => {
    if (change[k] !== undefined) return change[k] as UserScope[K];
    if (!current) return undefined;
    return roleChanged && wanted !== k ? undefined : current[k];
  };
  const scope: UserScope = {
    enterpriseId: pick('enterpriseId') ?? null,
    departmentId: pick('departmentId') ?? null,
    gridIds: [...new Set(pick('gridIds') ?? [])],
  };
  for (const k of ['enterpriseId', 'departmentId', 'gridIds'] as const) {
    if (k === wanted && isEmpty(scope[k])) {
      problems.push({ field: k, messages: [`${k} is required for role ${role}`] });
    } else if (k !== wanted && !isEmpty(scope[k])) {
      problems.push({ field: k, messages: [`${k} must be empty for role ${role}`] });
    }
  }
  return { scope, problems };
}
