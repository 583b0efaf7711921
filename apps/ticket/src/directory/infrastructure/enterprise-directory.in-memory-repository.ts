import {
  DirectoryDepartment,
  DirectoryEnterprise,
  DirectoryUser,
  EnterpriseDirectory,
} from '../domain/enterprise-directory';

/** The directory copy in memory, for handler specs; newer-wins like the real one. */
export class InMemoryEnterpriseDirectory extends EnterpriseDirectory {
  readonly enterprises = new Map<string, { e: DirectoryEnterprise; asOf: Date }>();
  readonly departments = new Map<string, { d: DirectoryDepartment; asOf: Date }>();
  readonly users = new Map<string, { u: DirectoryUser; asOf: Date }>();

  async findEnterprise(id: string): Promise<DirectoryEnterprise | null> {
    return this.enterprises.get(id)?.e ?? null;
  }

  async upsertEnterprise(e: DirectoryEnterprise, asOf: Date): Promise<void> {
    const held = this.enterprises.get(e.id);
    if (!held || held.asOf <= asOf) this.enterprises.set(e.id, { e, asOf });
  }

  async upsertDepartment(d: DirectoryDepartment, asOf: Date): Promise<void> {
    const held = this.departments.get(d.id);
    if (!held || held.asOf <= asOf) this.departments.set(d.id, { d, asOf });
  }

  async findUser(id: string): Promise<DirectoryUser | null> {
    return this.users.get(id)?.u ?? null;
  }

  async upsertUser(u: DirectoryUser, asOf: Date): Promise<void> {
    const held = this.users.get(u.id);
    if (!held || held.asOf <= asOf) this.users.set(u.id, { u, asOf });
  }

  async staffOf(departmentId: string): Promise<DirectoryUser[]> {
    return [...this.users.values()]
      .map((h) => h.u)
      .filter((u) => u.active && u.role === 'department' && u.departmentId === departmentId)
      .sort((a, b) => a.displayName.localeCompare(b.displayName, 'zh-CN'));
  }
}
