import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { LoginFailureRepository } from './auth/domain/login-failure.repository';
import { PasswordHasher } from './auth/domain/password-hasher';
import { InMemoryLoginFailureRepository } from './auth/infrastructure/login-failure.in-memory-repository';
import { InMemoryRefreshTokenRepository } from './auth/infrastructure/refresh-token.in-memory-repository';
import { Delay, LoginLockout } from './auth/login-lockout';
import { InMemoryDepartmentRepository } from './departments/infrastructure/department.in-memory-repository';
import { DepartmentState } from './departments/domain/department.aggregate';
import { EnterpriseState } from './enterprises/domain/enterprise.aggregate';
import { InMemoryEnterpriseRepository } from './enterprises/infrastructure/enterprise.in-memory-repository';
import { GridState } from './grids/domain/grid.aggregate';
import { InMemoryGridRepository } from './grids/infrastructure/grid.in-memory-repository';
import { departmentState, enterpriseState, gridState, ids, userState } from './identity-spec.fixture';
import { UserState } from './users/domain/user.aggregate';
import { InMemoryUserRepository } from './users/infrastructure/user.in-memory-repository';
import { UserScopeCheck } from './users/user-scope.check';

export * from './identity-spec.fixture';

/** The admin who calls in the specs. */
export const caller: AuthUser = { id: ids.admin, role: 'admin', name: '系统管理员' };

/** Fast scrypt (the lowest cost a stored hash may have): the specs hash real passwords. */
export const hasher = new PasswordHasher({ ln: 10, r: 8, p: 1 });

/** The demo instructor of the east grid, and an admin to act: a small directory, consistent both ways. */
export function directory(
  over: {
    users?: UserState[];
    grids?: GridState[];
    departments?: DepartmentState[];
    enterprises?: EnterpriseState[];
  } = {},
) {
  const users = new InMemoryUserRepository(
    ...(over.users ?? [
      userState({ id: ids.admin, username: 'admin', displayName: '系统管理员', role: 'admin' }),
      userState({ id: ids.instructor, username: 'instructor', role: 'instructor', gridIds: [ids.east] }),
    ]),
  );
  const grids = new InMemoryGridRepository(
    ...(over.grids ?? [
      gridState({ instructorUserIds: [ids.instructor] }),
      gridState({ id: ids.west, code: 'west', name: '西区网格' }),
    ]),
  );
  const departments = new InMemoryDepartmentRepository(...(over.departments ?? [departmentState()]));
  const enterprises = new InMemoryEnterpriseRepository(...(over.enterprises ?? [enterpriseState()]));
  const refreshTokens = new InMemoryRefreshTokenRepository();
  const failures = new InMemoryLoginFailureRepository();
  const delays: number[] = [];
  const delay: Delay = async (ms) => {
    delays.push(ms);
  };
  return {
    uow: new InlineUnitOfWork(),
    users,
    grids,
    departments,
    enterprises,
    refreshTokens,
    failures,
    /** How long each failure's answer was held back. */
    delays,
    scopes: new UserScopeCheck(enterprises, departments),
    lockout: (repo: LoginFailureRepository = failures) => new LoginLockout(repo, delay),
  };
}

/** The DomainError a promise was refused with (fails the spec when it resolves). */
export async function refusal(p: Promise<unknown>): Promise<DomainError> {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof DomainError)) throw new Error(`expected a DomainError, got ${String(e)}`);
  return e;
}

/** The fields named by a 400's (or a 409's) errors. */
export const fieldsOf = (e: DomainError): string[] =>
  ((e.details.errors as { field: string }[] | undefined) ?? []).map((x) => x.field);
