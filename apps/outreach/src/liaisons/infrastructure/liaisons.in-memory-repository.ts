import { RecordedChange } from '../../shared/domain/recorded-change';
import { Liaisons, LiaisonsProps } from '../domain/liaisons.aggregate';
import { LiaisonsRepository } from '../domain/liaisons.repository';

/** Liaisons in memory, for handler specs; keeps what the outbox would have carried. */
export class InMemoryLiaisonsRepository extends LiaisonsRepository {
  readonly rows = new Map<string, LiaisonsProps>();
  readonly saved: RecordedChange[] = [];

  async lockByEnterprise(enterpriseId: string): Promise<Liaisons | null> {
    const props = this.rows.get(enterpriseId);
    return props ? Liaisons.rehydrate(structuredClone(props)) : null;
  }

  async save(liaisons: Liaisons): Promise<void> {
    const changes = liaisons.pullChanges();
    if (!changes.length) return;
    this.rows.set(liaisons.id, structuredClone(liaisons.snapshot()) as LiaisonsProps);
    this.saved.push(...changes);
  }
}
