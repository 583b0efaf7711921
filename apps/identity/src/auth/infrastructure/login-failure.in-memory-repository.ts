import { LoginFailureState } from '../domain/lockout-policy';
import { LoginFailureRepository } from '../domain/login-failure.repository';

/** Failed logins in a map by name, for handler specs. */
export class InMemoryLoginFailureRepository extends LoginFailureRepository {
  readonly rows = new Map<string, LoginFailureState>();

  async find(username: string): Promise<LoginFailureState | null> {
    const row = this.rows.get(username);
    return row ? { ...row } : null;
  }

  lock(username: string): Promise<LoginFailureState | null> {
    return this.find(username);
  }

  async save(username: string, state: LoginFailureState): Promise<void> {
    this.rows.set(username, { ...state });
  }

  async clear(username: string): Promise<void> {
    this.rows.delete(username);
  }
}
