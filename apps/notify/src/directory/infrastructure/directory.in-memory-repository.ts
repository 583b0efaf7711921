import { Audience } from '../../inapp/domain/recipients';
import { NameBook } from '../../messages/domain/message-templates';
import {
  DirectoryDepartment,
  DirectoryEnterprise,
  DirectoryRepository,
  DirectoryUser,
  nameBook,
} from '../domain/directory.repository';

/** The directory copy in maps, for handler specs. */
export class InMemoryDirectoryRepository extends DirectoryRepository {
  readonly departments = new Map<string, DirectoryDepartment>();
  readonly enterprises = new Map<string, DirectoryEnterprise>();
  readonly users = new Map<string, DirectoryUser>();

  async saveDepartment(d: DirectoryDepartment): Promise<void> {
    this.departments.set(d.id, { ...d });
  }

  async saveEnterprise(e: DirectoryEnterprise): Promise<void> {
    this.enterprises.set(e.id, { ...e });
  }

  async saveUser(u: DirectoryUser): Promise<void> {
    this.users.set(u.id, { ...u, gridIds: [...u.gridIds] });
  }

  async names(departmentIds: string[], enterpriseIds: string[]): Promise<NameBook> {
    const known = <T extends { id: string; name: string }>(map: Map<string, T>, ids: string[]) =>
      ids.flatMap((id): [string, string][] => (map.has(id) ? [[id, map.get(id)!.name]] : []));
    return nameBook(known(this.departments, departmentIds), known(this.enterprises, enterpriseIds));
  }

  async user(id: string): Promise<DirectoryUser | null> {
    const u = this.users.get(id);
    return u?.active ? { ...u } : null;
  }

  async usersIn(who: Audience): Promise<DirectoryUser[]> {
    return [...this.users.values()]
      .filter(
        (u) =>
          u.active &&
          ((u.role === 'department' && !!u.departmentId && who.departmentIds.includes(u.departmentId)) ||
            (u.role === 'enterprise' && !!u.enterpriseId && who.enterpriseIds.includes(u.enterpriseId)) ||
            who.roles.includes(u.role)),
      )
      .sort((a, b) => a.id.localeCompare(b.id));
  }
}
