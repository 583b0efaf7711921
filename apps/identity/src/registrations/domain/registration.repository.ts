import { Registration } from './registration.aggregate';

/** Where applications are kept. `save` stores the row and its new history lines together. */
export abstract class RegistrationRepository {
  /** Locks the row for the rest of the unit of work: two reviewers of one application are serialised. */
  abstract findByIdForUpdate(id: string): Promise<Registration | null>;
  /** Whether an application still waiting for review asks for this credit code. */
  abstract pendingWithCreditCode(creditCode: string): Promise<boolean>;
  /** Whether an application still waiting for review asks for this username (case-insensitive). */
  abstract pendingWithUsername(username: string): Promise<boolean>;
  abstract save(registration: Registration): Promise<void>;
}
