import {
  Actor,
  DirectoryEvents,
  DomainError,
  Role,
  SessionRevocationReason,
  SYSTEM_ACTOR,
  UserUpsertedPayload,
} from '@ticketing/contracts';
import { DirectoryRecord, given, sameList, sorted } from '../../directory/domain/directory-record';
import { UserScope } from './user-scope';

export interface UserState {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  departmentId: string | null;
  gridIds: string[];
  mobile: string | null;
  email: string | null;
  active: boolean;
  /** scrypt, self-describing (PasswordHasher): never into an event, an answer or the audit trail. */
  passwordHash: string;
  mustChangePassword: boolean;
  passwordChangedAt: Date;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface NewUser {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  scope: UserScope;
  mobile: string | null;
  email: string | null;
  passwordHash: string;
}

/**
 * A change asked for by an admin, with the role and scope already resolved (resolveUserScope):
 * `undefined` leaves a field, `null` clears mobile or email.
 */
export interface UserChange {
  displayName?: string;
  role: Role;
  scope: UserScope;
  mobile?: string | null;
  email?: string | null;
  active?: boolean;
}

export interface UserUpdate {
  changed: boolean;
  /** Access tokens carry role and scope: after such a change the user must log in again (why), else null. */
  endsSessions: SessionRevocationReason | null;
  joinedGrids: string[];
  leftGrids: string[];
}

export const lastActiveAdmin = () =>
  new DomainError('conflict', 'this is the last active admin: make another user admin first');

/** A user account: who someone is, what role they act in and what they may see (their scope). */
export class User extends DirectoryRecord<typeof DirectoryEvents.userUpserted> {
  private s: UserState;

  private constructor(s: UserState) {
    super(DirectoryEvents.userUpserted, s.version, s.createdAt, s.updatedAt);
    this.s = { ...s, gridIds: sorted(s.gridIds) };
  }

  static fromState(s: UserState): User {
    return new User(s);
  }

  /** Created by an admin, with a password the admin knows: the user must choose their own. */
  static register(u: NewUser, actor: Actor, at: Date, asked: Record<string, unknown>): User {
    const user = User.fresh(u, at, true);
    user.announce(actor, at);
    user.audit('user.created', actor, asked);
    return user;
  }

  /** A demo account put in at the first start: announced by the system, not an admin's act. */
  static seed(u: NewUser, at: Date): User {
    const user = User.fresh(u, at, false);
    user.announce(SYSTEM_ACTOR, at);
    return user;
  }

  private static fresh(u: NewUser, at: Date, mustChangePassword: boolean): User {
    return new User({
      id: u.id,
      username: u.username,
      displayName: u.displayName,
      role: u.role,
      enterpriseId: u.scope.enterpriseId,
      departmentId: u.scope.departmentId,
      gridIds: u.scope.gridIds,
      mobile: u.mobile,
      email: u.email,
      active: true,
      passwordHash: u.passwordHash,
      mustChangePassword,
      passwordChangedAt: at,
      version: 1,
      createdAt: at,
      updatedAt: at,
    });
  }

  get id(): string {
    return this.s.id;
  }
  get username(): string {
    return this.s.username;
  }
  get displayName(): string {
    return this.s.displayName;
  }
  get role(): Role {
    return this.s.role;
  }
  get enterpriseId(): string | null {
    return this.s.enterpriseId;
  }
  get departmentId(): string | null {
    return this.s.departmentId;
  }
  get gridIds(): string[] {
    return [...this.s.gridIds];
  }
  get scope(): UserScope {
    return { enterpriseId: this.s.enterpriseId, departmentId: this.s.departmentId, gridIds: this.gridIds };
  }
  get mobile(): string | null {
    return this.s.mobile;
  }
  get email(): string | null {
    return this.s.email;
  }
  get active(): boolean {
    return this.s.active;
  }
  get passwordHash(): string {
    return this.s.passwordHash;
  }
  get mustChangePassword(): boolean {
    return this.s.mustChangePassword;
  }
  get passwordChangedAt(): Date {
    return this.s.passwordChangedAt;
  }

  /** Whether this change would take away the last thing that lets the user administer the directory. */
  losesActiveAdmin(change: { role: Role; active?: boolean }): boolean {
    return this.s.role === 'admin' && this.s.active && (change.role !== 'admin' || change.active === false);
  }

  /** Returns `changed: false`, and changes nothing, when every value asked for is the current one. */
  update(change: UserChange, actor: Actor, at: Date, asked: Record<string, unknown>): UserUpdate {
    const next = {
      displayName: given(change.displayName, this.s.displayName),
      role: change.role,
      enterpriseId: change.scope.enterpriseId,
      departmentId: change.scope.departmentId,
      gridIds: sorted(change.scope.gridIds),
      mobile: given(change.mobile, this.s.mobile),
      email: given(change.email, this.s.email),
      active: given(change.active, this.s.active),
    };
    const joinedGrids = next.gridIds.filter((g) => !this.s.gridIds.includes(g));
    const leftGrids = this.s.gridIds.filter((g) => !next.gridIds.includes(g));
    const scopeChanged =
      next.role !== this.s.role ||
      next.enterpriseId !== this.s.enterpriseId ||
      next.departmentId !== this.s.departmentId;
    const changed =
      scopeChanged ||
      !sameList(next.gridIds, this.s.gridIds) ||
      next.displayName !== this.s.displayName ||
      next.mobile !== this.s.mobile ||
      next.email !== this.s.email ||
      next.active !== this.s.active;
    if (!changed) return { changed, endsSessions: null, joinedGrids: [], leftGrids: [] };
    const before = this.s;
    this.s = { ...this.s, ...next };
    this.changed(actor, at);
    this.audit('user.updated', actor, asked);
    return {
      changed,
      endsSessions:
        !next.active && before.active
          ? 'deactivated'
          : next.role !== before.role
            ? 'role-changed'
            : scopeChanged || joinedGrids.length + leftGrids.length > 0
              ? 'scope-changed'
              : null,
      joinedGrids,
      leftGrids,
    };
  }

  /** A grid took this instructor on (changed from the grid's side, so audited there). */
  joinedGrid(gridId: string, actor: Actor, at: Date): void {
    if (this.s.gridIds.includes(gridId)) return;
    this.s = { ...this.s, gridIds: sorted([...this.s.gridIds, gridId]) };
    this.changed(actor, at);
  }

  /** A grid let this instructor go (changed from the grid's side, so audited there). */
  leftGrid(gridId: string, actor: Actor, at: Date): void {
    if (!this.s.gridIds.includes(gridId)) return;
    this.s = { ...this.s, gridIds: this.s.gridIds.filter((g) => g !== gridId) };
    this.changed(actor, at);
  }

  /**
   * An admin set a password the admin knows: the user must choose their own. Nothing another
   * service knows of the user changes, so there is no event; the act is audited, without the hash.
   */
  resetPassword(passwordHash: string, actor: Actor, at: Date): void {
    this.s = { ...this.s, passwordHash, mustChangePassword: true, passwordChangedAt: at };
    this.touched(at);
    this.audit('user.password-reset', actor, {});
  }

  /** The user chose their own password. */
  changePassword(passwordHash: string, at: Date): void {
    this.s = { ...this.s, passwordHash, mustChangePassword: false, passwordChangedAt: at };
    this.touched(at);
  }

  /** The same password, hashed with today's stronger parameters. */
  rehashPassword(passwordHash: string): void {
    this.s = { ...this.s, passwordHash };
  }

  /** The stored state (the repository's row; the password hash included). */
  state(): UserState {
    return {
      ...this.s,
      gridIds: this.gridIds,
      version: this.version,
      createdAt: this.createdAt,
      updatedAt: this.updatedAt,
    };
  }

  /** No credential, ever: only who the user is and what they may see. */
  protected payload(): UserUpsertedPayload {
    return {
      id: this.s.id,
      username: this.s.username,
      displayName: this.s.displayName,
      role: this.s.role,
      enterpriseId: this.s.enterpriseId,
      departmentId: this.s.departmentId,
      gridIds: this.gridIds,
      mobile: this.s.mobile,
      email: this.s.email,
      active: this.s.active,
    };
  }
}
