/** This service's copy of an enterprise: its name and grid (who visits it). */
export interface DirectoryEnterprise {
  id: string;
  name: string;
  gridId: string | null;
  active: boolean;
}

export interface DirectoryGrid {
  id: string;
  code: string;
  name: string;
  instructorUserIds: string[];
}

/** A user as far as outreach cares: their name on records, their role and scope. Never credentials. */
export interface DirectoryUser {
  id: string;
  displayName: string;
  role: string;
  gridIds: string[];
  departmentId: string | null;
  enterpriseId: string | null;
  active: boolean;
}

export interface DirectoryDepartment {
  id: string;
  code: string;
  name: string;
  active: boolean;
}

/**
 * The local copy of the directory (identity owns it; its events keep this copy). Upserts apply
 * only when newer than what is held, so a late redelivery cannot roll a row back.
 */
export abstract class OutreachDirectory {
  abstract findEnterprise(id: string): Promise<DirectoryEnterprise | null>;
  abstract findUser(id: string): Promise<DirectoryUser | null>;
  abstract findDepartment(id: string): Promise<DirectoryDepartment | null>;
  /** The grids an instructor works: those listing them as instructor, and those on their account. */
  abstract gridsOfInstructor(userId: string): Promise<string[]>;
  /** Active enterprises of these grids, by name. */
  abstract enterprisesInGrids(gridIds: string[]): Promise<DirectoryEnterprise[]>;
  abstract upsertEnterprise(e: DirectoryEnterprise, asOf: Date): Promise<void>;
  abstract upsertGrid(g: DirectoryGrid, asOf: Date): Promise<void>;
  abstract upsertUser(u: DirectoryUser, asOf: Date): Promise<void>;
  abstract upsertDepartment(d: DirectoryDepartment, asOf: Date): Promise<void>;
}
