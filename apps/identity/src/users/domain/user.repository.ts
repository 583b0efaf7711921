import { User } from './user.aggregate';

/**
 * Where user accounts are kept. `save` stores the row, the user's grid links (an instructor's
 * grids), its audit notes and its events together.
 */
export abstract class UserRepository {
  abstract findById(id: string): Promise<User | null>;
  /** Locks the row for the rest of the unit of work: two changes of one user are serialised. */
  abstract findByIdForUpdate(id: string): Promise<User | null>;
  /** The users among `ids` that exist, locked like findByIdForUpdate. */
  abstract findManyForUpdate(ids: string[]): Promise<User[]>;
  /** Usernames are case-insensitive. */
  abstract findByUsername(username: string): Promise<User | null>;
  abstract usernameTaken(username: string): Promise<boolean>;
  abstract anotherActiveAdminThan(userId: string): Promise<boolean>;
  /** Whether any user exists at all (the demo seed goes only into an empty directory). */
  abstract any(): Promise<boolean>;
  abstract save(user: User): Promise<void>;
}
