import {
  DirectoryDepartment,
  DirectoryEnterprise,
  DirectoryUser,
  MeetingDirectory,
} from '../domain/meeting-directory';

type Held<T> = { value: T; asOf: Date };

/** The directory copy in memory, for handler specs; newest wins like the real one. */
export class InMemoryMeetingDirectory extends MeetingDirectory {
  readonly departments = new Map<string, Held<DirectoryDepartment>>();
  readonly enterprises = new Map<string, Held<DirectoryEnterprise>>();
  readonly users = new Map<string, Held<DirectoryUser>>();

  private static put<T>(map: Map<string, Held<T>>, id: string, value: T, asOf: Date): void {
    const held = map.get(id);
    if (held && held.asOf > asOf) return;
    map.set(id, { value: { ...value }, asOf });
  }

  async findDepartment(id: string): Promise<DirectoryDepartment | null> {
    return this.departments.get(id)?.value ?? null;
  }
  async findEnterprise(id: string): Promise<DirectoryEnterprise | null> {
    return this.enterprises.get(id)?.value ?? null;
  }
  async findUser(id: string): Promise<DirectoryUser | null> {
    return this.users.get(id)?.value ?? null;
  }
  async upsertDepartment(d: DirectoryDepartment, asOf: Date): Promise<void> {
    InMemoryMeetingDirectory.put(this.departments, d.id, d, asOf);
  }
  async upsertEnterprise(e: DirectoryEnterprise, asOf: Date): Promise<void> {
    InMemoryMeetingDirectory.put(this.enterprises, e.id, e, asOf);
  }
  async upsertUser(u: DirectoryUser, asOf: Date): Promise<void> {
    InMemoryMeetingDirectory.put(this.users, u.id, u, asOf);
  }
}
