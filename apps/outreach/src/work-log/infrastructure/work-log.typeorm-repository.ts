import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { ChangeLog } from '../../shared/infrastructure/change-log';
import { WorkLogEntry } from '../domain/work-log-entry.aggregate';
import { WorkLogRepository } from '../domain/work-log.repository';

@Injectable()
export class TypeormWorkLogRepository extends WorkLogRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly log: ChangeLog,
  ) {
    super();
  }

  async add(entry: WorkLogEntry): Promise<void> {
    const s = entry.snapshot();
    await this.tx.writer.query(
      `INSERT INTO outreach.work_log_entries (id, instructor_user_id, day, kind, title, content, enterprise_id, hours, created_at, version)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
      [
        s.id,
        s.instructorUserId,
        s.day,
        s.kind,
        s.title,
        s.content,
        s.enterpriseId,
        s.hours,
        s.createdAt,
        s.version,
      ],
    );
    await this.log.append('work_log_entry', s.id, entry.pullChanges());
  }
}
