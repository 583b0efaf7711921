/** This service's copy of an enterprise from the directory: who may submit for it, its grid. */
export interface DirectoryEnterprise {
  id: string;
  name: string;
  gridId: string | null;
  active: boolean;
}

export interface DirectoryDepartment {
  id: string;
  code: string;
  name: string;
  nameEn: string | null;
  active: boolean;
}

/** A user as this service knows it: department staff become handlers (承办人). */
export interface DirectoryUser {
  id: string;
  displayName: string;
  role: string;
  departmentId: string | null;
  active: boolean;
}

/**
 * The local copy of the directory (identity owns it; its events keep this copy). Upserts apply
 * only when newer than what is held, so a late redelivery cannot roll a row back.
 */
export abstract class EnterpriseDirectory {
  abstract findEnterprise(id: string): Promise<DirectoryEnterprise | null>;
  abstract upsertEnterprise(e: DirectoryEnterprise, asOf: Date): Promise<void>;
  abstract upsertDepartment(d: DirectoryDepartment, asOf: Date): Promise<void>;
  abstract findUser(id: string): Promise<DirectoryUser | null>;
  abstract upsertUser(u: DirectoryUser, asOf: Date): Promise<void>;
  /** A department's active staff (role department), by name. */
  abstract staffOf(departmentId: string): Promise<DirectoryUser[]>;
}
