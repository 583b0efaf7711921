import { DirectoryEvents } from '@ticketing/contracts';
import { RecordedChanges } from '../../directory/infrastructure/recorded-changes';
import { User, UserState } from '../domain/user.aggregate';
import { UserRepository } from '../domain/user.repository';

/** User accounts in a map, for handler specs: `changes` keeps what each save stored besides the row. */
export class InMemoryUserRepository extends UserRepository {
  readonly rows = new Map<string, UserState>();
  readonly changes = new RecordedChanges<typeof DirectoryEvents.userUpserted>('user');

  constructor(...users: UserState[]) {
    super();
    for (const u of users) this.rows.set(u.id, structuredClone(u));
  }

  async findById(id: string): Promise<User | null> {
    const row = this.rows.get(id);
    return row ? User.fromState(structuredClone(row)) : null;
  }

  findByIdForUpdate(id: string): Promise<User | null> {
    return this.findById(id);
  }

  async findManyForUpdate(ids: string[]): Promise<User[]> {
    return [...this.rows.values()]
      .filter((u) => ids.includes(u.id))
      .map((u) => User.fromState(structuredClone(u)));
  }

  async findByUsername(username: string): Promise<User | null> {
    const row = [...this.rows.values()].find((u) => u.username.toLowerCase() === username.toLowerCase());
    return row ? User.fromState(structuredClone(row)) : null;
  }

  async usernameTaken(username: string): Promise<boolean> {
    return !!(await this.findByUsername(username));
  }

  async anotherActiveAdminThan(userId: string): Promise<boolean> {
    return [...this.rows.values()].some((u) => u.role === 'admin' && u.active && u.id !== userId);
  }

  async any(): Promise<boolean> {
    return this.rows.size > 0;
  }

  async save(user: User): Promise<void> {
    this.rows.set(user.id, user.state());
    this.changes.add(user.id, user.pullChanges());
  }
}
