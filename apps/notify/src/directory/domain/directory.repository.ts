import { Audience } from '../../inapp/domain/recipients';
import { NameBook } from '../../messages/domain/message-templates';

export interface DirectoryDepartment {
  id: string;
  name: string;
  nameEn: string | null;
}

export interface DirectoryEnterprise {
  id: string;
  name: string;
}

/** A user as identity announces them: who they are and what they may see. */
export interface DirectoryUser {
  id: string;
  role: string;
  displayName: string;
  enterpriseId: string | null;
  departmentId: string | null;
  gridIds: string[];
  mobile: string | null;
  email: string | null;
  active: boolean;
}

/**
 * notify's copy of the directory, kept from identity's events: names for messages, users (with
 * their scope) for in-app recipients, so nothing has to be asked of identity. A port: the TypeORM
 * implementation stores it, the in-memory one serves the handler specs.
 */
export abstract class DirectoryRepository {
  abstract saveDepartment(d: DirectoryDepartment): Promise<void>;
  abstract saveEnterprise(e: DirectoryEnterprise): Promise<void>;
  abstract saveUser(u: DirectoryUser): Promise<void>;

  /** The names of these departments and enterprises, as a lookup that falls back to nothing. */
  abstract names(departmentIds: string[], enterpriseIds: string[]): Promise<NameBook>;

  /** One active user, or null. */
  abstract user(id: string): Promise<DirectoryUser | null>;

  /** Active users who are any of: in these departments, in these enterprises, or holding these roles; by id. */
  abstract usersIn(audience: Audience): Promise<DirectoryUser[]>;
}

/** A lookup over names already read. */
export function nameBook(
  departments: Iterable<[string, string]>,
  enterprises: Iterable<[string, string]>,
): NameBook {
  const dep = new Map(departments);
  const ent = new Map(enterprises);
  return {
    department: (id) => (id ? (dep.get(id) ?? null) : null),
    enterprise: (id) => (id ? (ent.get(id) ?? null) : null),
  };
}
