/** A department as the meeting service knows it: whom a meeting invites, who leads a decision. */
export interface DirectoryDepartment {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/** An enterprise: whom a meeting invites, whose ticket or need an agenda item is about. */
export interface DirectoryEnterprise {
  id: string;
  name: string;
  active: boolean;
}

/** A user: the convenor (召集人) of a meeting is named by id, shown by name. Never credentials. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  role: string;
  active: boolean;
}

/**
 * The local copy of the directory (identity owns it; its events keep this copy). Upserts apply
 * only when newer than what is held, so a late redelivery cannot roll a row back.
 */
export abstract class MeetingDirectory {
  abstract findDepartment(id: string): Promise<DirectoryDepartment | null>;
  abstract findEnterprise(id: string): Promise<DirectoryEnterprise | null>;
  abstract findUser(id: string): Promise<DirectoryUser | null>;
  abstract upsertDepartment(d: DirectoryDepartment, asOf: Date): Promise<void>;
  abstract upsertEnterprise(e: DirectoryEnterprise, asOf: Date): Promise<void>;
  abstract upsertUser(u: DirectoryUser, asOf: Date): Promise<void>;
}
