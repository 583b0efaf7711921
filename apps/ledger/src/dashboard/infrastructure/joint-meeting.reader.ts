import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';

const AGENDA_LIMIT = 500;

/** Tickets on the joint meeting's (联席会议) agenda, in the order they were put on it. */
@Injectable()
export class JointMeetingReader {
  constructor(private readonly tx: TransactionContext) {}

  agenda(includeClosed: boolean): Promise<Record<string, unknown>[]> {
    return this.tx.manager.query(
      `SELECT f.ticket_id, f.number, f.title, f.description, f.enterprise_id, f.enterprise_name, f.category, f.grid_id, f.department_id,
              f.co_handler_department_ids, f.status, f.submitted_at, f.joint_meeting_at, f.joint_meeting_reason, f.supervise_level,
              f.alert_level, f.resolve_due_at, f.reopen_count, f.transfer_count
       FROM ledger.ticket_facts f
       WHERE f.joint_meeting_at IS NOT NULL ${includeClosed ? '' : 'AND f.closed_at IS NULL AND f.withdrawn_at IS NULL'}
       ORDER BY f.joint_meeting_at, f.ticket_id LIMIT ${AGENDA_LIMIT}`,
    );
  }
}
