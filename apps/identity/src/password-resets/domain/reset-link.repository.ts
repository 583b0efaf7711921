import { ResetLink } from './reset-link.aggregate';

/** Where reset links are kept (by the hash of their token). */
export abstract class ResetLinkRepository {
  /** Locks the row: a link clicked twice at once is spent once. */
  abstract findByTokenHashForUpdate(tokenHash: string): Promise<ResetLink | null>;
  abstract save(link: ResetLink): Promise<void>;
}
