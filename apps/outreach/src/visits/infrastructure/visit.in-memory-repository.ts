import { RecordedChange } from '../../shared/domain/recorded-change';
import { Visit, VisitProps } from '../domain/visit.aggregate';
import { VisitRepository } from '../domain/visit.repository';

/** Visits in memory, for handler specs; keeps what the outbox would have carried. */
export class InMemoryVisitRepository extends VisitRepository {
  readonly rows = new Map<string, VisitProps>();
  readonly saved: RecordedChange[] = [];

  async lockById(id: string): Promise<Visit | null> {
    const props = this.rows.get(id);
    return props ? Visit.rehydrate(props) : null;
  }

  async add(visit: Visit): Promise<void> {
    await this.save(visit);
  }

  async save(visit: Visit): Promise<void> {
    this.rows.set(visit.id, visit.snapshot());
    this.saved.push(...visit.pullChanges());
  }

  seed(visit: Visit): void {
    visit.pullChanges();
    this.rows.set(visit.id, visit.snapshot());
  }
}
