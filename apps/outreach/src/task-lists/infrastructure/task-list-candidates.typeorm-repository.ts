import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { TaskListCandidates } from '../domain/task-list-candidates';
import { PlanCandidate } from '../domain/visit-plan';

/** The enterprises an instructor looks after (liaisons first, else their grids), with the last visit month. */
@Injectable()
export class TypeormTaskListCandidates extends TaskListCandidates {
  constructor(private readonly tx: TransactionContext) {
    super();
  }

  async candidatesFor(instructorUserId: string, gridIds: string[], month: string): Promise<PlanCandidate[]> {
    const rows: {
      id: string;
      name: string;
      grid_id: string | null;
      key_enterprise: boolean | null;
      last_month: string | null;
    }[] = await this.tx.manager.query(
      `SELECT e.id, e.name, e.grid_id, l.key_enterprise,
              (SELECT max(v.month) FROM outreach.visits v WHERE v.enterprise_id = e.id AND v.month <= $3) AS last_month
         FROM outreach.directory_enterprises e
         LEFT JOIN outreach.liaisons l ON l.enterprise_id = e.id
        WHERE e.active
          AND (($1 = ANY(COALESCE(l.instructor_user_ids, '{}')))
               OR (cardinality(COALESCE(l.instructor_user_ids, '{}')) = 0 AND e.grid_id = ANY($2)))
        ORDER BY e.name, e.id`,
      [instructorUserId, gridIds, month],
    );
    return rows.map((r) => ({
      enterpriseId: r.id,
      enterpriseName: r.name,
      gridId: r.grid_id,
      keyEnterprise: r.key_enterprise ?? false,
      lastVisitMonth: r.last_month,
    }));
  }
}
