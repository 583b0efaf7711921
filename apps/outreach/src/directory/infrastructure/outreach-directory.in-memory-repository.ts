import {
  DirectoryDepartment,
  DirectoryEnterprise,
  DirectoryGrid,
  DirectoryUser,
  OutreachDirectory,
} from '../domain/outreach-directory';

type Held<T> = Map<string, { v: T; asOf: Date }>;

function put<T extends { id: string }>(map: Held<T>, v: T, asOf: Date): void {
  const held = map.get(v.id);
  if (!held || held.asOf <= asOf) map.set(v.id, { v, asOf });
}

/** The directory copy in memory, for handler specs; newer-wins like the real one. */
export class InMemoryOutreachDirectory extends OutreachDirectory {
  readonly enterprises: Held<DirectoryEnterprise> = new Map();
  readonly grids: Held<DirectoryGrid> = new Map();
  readonly users: Held<DirectoryUser> = new Map();
  readonly departments: Held<DirectoryDepartment> = new Map();

  async findEnterprise(id: string) {
    return this.enterprises.get(id)?.v ?? null;
  }
  async findUser(id: string) {
    return this.users.get(id)?.v ?? null;
  }
  async findDepartment(id: string) {
    return this.departments.get(id)?.v ?? null;
  }
  async gridsOfInstructor(userId: string): Promise<string[]> {
    const listed = [...this.grids.values()]
      .filter((g) => g.v.instructorUserIds.includes(userId))
      .map((g) => g.v.id);
    return [...new Set([...listed, ...(this.users.get(userId)?.v.gridIds ?? [])])].sort();
  }
  async enterprisesInGrids(gridIds: string[]): Promise<DirectoryEnterprise[]> {
    return [...this.enterprises.values()]
      .map((e) => e.v)
      .filter((e) => e.active && e.gridId && gridIds.includes(e.gridId))
      .sort((a, b) => a.name.localeCompare(b.name, 'zh'));
  }
  async upsertEnterprise(e: DirectoryEnterprise, asOf: Date) {
    put(this.enterprises, e, asOf);
  }
  async upsertGrid(g: DirectoryGrid, asOf: Date) {
    put(this.grids, g, asOf);
  }
  async upsertUser(u: DirectoryUser, asOf: Date) {
    put(this.users, u, asOf);
  }
  async upsertDepartment(d: DirectoryDepartment, asOf: Date) {
    put(this.departments, d, asOf);
  }
}
