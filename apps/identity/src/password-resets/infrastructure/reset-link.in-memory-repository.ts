import { ResetLink, ResetLinkState } from '../domain/reset-link.aggregate';
import { ResetLinkRepository } from '../domain/reset-link.repository';

/** Reset links in a map, for handler specs. */
export class InMemoryResetLinkRepository extends ResetLinkRepository {
  readonly rows = new Map<string, ResetLinkState>();

  async findByTokenHashForUpdate(tokenHash: string): Promise<ResetLink | null> {
    const row = [...this.rows.values()].find((r) => r.tokenHash === tokenHash);
    return row ? ResetLink.fromState(structuredClone(row)) : null;
  }

  async save(link: ResetLink): Promise<void> {
    this.rows.set(link.state.id, structuredClone({ ...link.state }));
  }
}
