import { RecordedChange } from '../../shared/domain/recorded-change';
import { Need, NeedProps } from '../domain/need.aggregate';
import { NeedRepository } from '../domain/need.repository';

/** Needs in memory, for handler specs; keeps what the outbox would have carried. */
export class InMemoryNeedRepository extends NeedRepository {
  readonly rows = new Map<string, NeedProps>();
  readonly saved: RecordedChange[] = [];

  async lockById(id: string): Promise<Need | null> {
    const props = this.rows.get(id);
    return props ? Need.rehydrate(structuredClone(props)) : null;
  }

  async add(need: Need): Promise<void> {
    await this.save(need);
  }

  async save(need: Need): Promise<void> {
    this.rows.set(need.id, structuredClone(need.snapshot()) as NeedProps);
    this.saved.push(...need.pullChanges());
  }

  seed(need: Need): void {
    need.pullChanges();
    this.rows.set(need.id, structuredClone(need.snapshot()) as NeedProps);
  }
}
