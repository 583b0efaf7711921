import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';

const FILE_LIMIT = 1000;

/** 一企一档 from the ledger's copies: the enterprise's profile and its tickets, newest first. */
@Injectable()
export class EnterpriseFileReader {
  constructor(private readonly tx: TransactionContext) {}

  async profile(enterpriseId: string): Promise<Record<string, unknown> | undefined> {
    const [row]: Record<string, unknown>[] = await this.tx.manager.query(
      `SELECT * FROM ledger.enterprises WHERE id = $1`,
      [enterpriseId],
    );
    return row;
  }

  tickets(enterpriseId: string): Promise<Record<string, unknown>[]> {
    return this.tx.manager.query(
      `SELECT f.ticket_id, f.number, f.title, f.enterprise_id, f.enterprise_name, f.category, f.grid_id, f.department_id, f.status,
              f.co_handler_department_ids, f.submitted_at, f.acknowledged_at, f.resolve_due_at, f.resolved_at, f.replied_at, f.result,
              f.satisfaction, f.solved, f.feedback_comment, f.reopen_count, f.transfer_count, f.extension_count, f.close_outcome,
              f.closed_at, f.withdrawn_at, f.joint_meeting_at,
              (f.resolve_due_at IS NOT NULL AND f.resolved_at IS NOT NULL AND f.resolved_at <= f.resolve_due_at) AS resolved_on_time
       FROM ledger.ticket_facts f WHERE f.enterprise_id = $1
       ORDER BY coalesce(f.submitted_at, f.first_seen_at) DESC, f.ticket_id LIMIT ${FILE_LIMIT}`,
      [enterpriseId],
    );
  }
}
