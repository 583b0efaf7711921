import { RecordedChange } from '../../shared/domain/recorded-change';
import { WorkLogEntry, WorkLogEntryProps } from '../domain/work-log-entry.aggregate';
import { WorkLogRepository } from '../domain/work-log.repository';

/** The work log in memory, for handler specs. */
export class InMemoryWorkLogRepository extends WorkLogRepository {
  readonly rows: WorkLogEntryProps[] = [];
  readonly saved: RecordedChange[] = [];

  async add(entry: WorkLogEntry): Promise<void> {
    this.rows.push(entry.snapshot());
    this.saved.push(...entry.pullChanges());
  }
}
