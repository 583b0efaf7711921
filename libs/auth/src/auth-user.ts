import { Role } from '@ticketing/contracts';

/**
 * Who is calling, as the access token says. The scope claims let every service check ownership
 * without asking identity: an enterprise user's enterprise, a department user's department,
 * an instructor's grids.
 */
export interface AuthUser {
  id: string;
  role: Role;
  name: string;
  enterpriseId?: string;
  departmentId?: string;
  gridIds?: string[];
  /** A new account or an admin's reset: until the user chooses a password, only that is allowed. */
  passwordChangeRequired?: boolean;
}

/** The JWT claims behind an AuthUser (short names keep tokens small). */
export interface AccessTokenClaims {
  sub: string;
  role: Role;
  name: string;
  ent?: string;
  dep?: string;
  grids?: string[];
  pcr?: true;
  typ: 'access';
}

export const toClaims = (u: AuthUser): AccessTokenClaims => ({
  sub: u.id,
  role: u.role,
  name: u.name,
  ...(u.enterpriseId ? { ent: u.enterpriseId } : {}),
  ...(u.departmentId ? { dep: u.departmentId } : {}),
  ...(u.gridIds?.length ? { grids: u.gridIds } : {}),
  ...(u.passwordChangeRequired ? { pcr: true as const } : {}),
  typ: 'access',
});

export const fromClaims = (c: AccessTokenClaims): AuthUser => ({
  id: c.sub,
  role: c.role,
  name: c.name,
  enterpriseId: c.ent,
  departmentId: c.dep,
  gridIds: c.grids,
  ...(c.pcr === true ? { passwordChangeRequired: true } : {}),
});
