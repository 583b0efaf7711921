import { LoginFailureState } from './lockout-policy';

/** Failed logins, keyed by the lower-cased name typed (existing or not, so a lock reveals nothing). */
export abstract class LoginFailureRepository {
  abstract find(username: string): Promise<LoginFailureState | null>;
  /**
   * The name's state, locked for the rest of the unit of work so that failures arriving together
   * are counted one after the other; null when nothing is counted yet.
   */
  abstract lock(username: string, now: Date): Promise<LoginFailureState | null>;
  abstract save(username: string, state: LoginFailureState): Promise<void>;
  abstract clear(username: string): Promise<void>;
}
