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
  /** The login session the token belongs to (a logout ends that session only). */
  sessionId?: string;
  /** When the token was issued (epoch ms); a revocation after it ends the token. */
  issuedAt?: number;
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
  sid?: string;
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
  ...(u.sessionId ? { sid: u.sessionId } : {}),
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
  ...(c.sid ? { sessionId: c.sid } : {}),
});
