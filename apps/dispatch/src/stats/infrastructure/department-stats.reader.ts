import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { ActivityKind } from '../../tickets/domain/ticket-log';

/** The counted facts of a period, per department and kind, and the departments the desk knows. */
@Injectable()
export class DepartmentStatsReader {
  constructor(private readonly tx: TransactionContext) {}

  counts(
    from: Date | null,
    to: Date | null,
  ): Promise<{ department_id: string; kind: ActivityKind; n: string }[]> {
    return this.tx.manager.query(
      `SELECT department_id, kind, count(*) AS n FROM dispatch.department_activity
        WHERE ($1::timestamptz IS NULL OR occurred_at >= $1) AND ($2::timestamptz IS NULL OR occurred_at < $2)
        GROUP BY department_id, kind`,
      [from, to],
    );
  }

  departments(): Promise<{ id: string; name: string }[]> {
    return this.tx.manager.query(`SELECT id, name FROM dispatch.departments ORDER BY code, id`);
  }
}
