import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { WorkLogResponseDto } from '../work-log.response.dto';

interface Row {
  id: string;
  instructor_user_id: string;
  day: string;
  kind: string;
  title: string;
  content: string;
  enterprise_id: string | null;
  enterprise_name: string | null;
  hours: string | null;
  at: Date;
}

/** An instructor's days: their visits (the log fills itself) and what they logged by hand, oldest first. */
@Injectable()
export class WorkLogReader {
  constructor(private readonly tx: TransactionContext) {}

  async list(f: { instructorUserId: string | null; from: string; to: string }): Promise<WorkLogResponseDto> {
    const rows: Row[] = await this.tx.manager.query(
      `SELECT * FROM (
         SELECT v.id::text, v.instructor_user_id, to_char(v.visited_at AT TIME ZONE 'Asia/Shanghai', 'YYYY-MM-DD') AS day,
                'visit' AS kind, '走访 ' || v.enterprise_name AS title, array_to_string(v.topics, '；') AS content,
                v.enterprise_id, v.enterprise_name, NULL::text AS hours, v.visited_at AS at
           FROM outreach.visits v
          WHERE ($1::text IS NULL OR v.instructor_user_id = $1)
         UNION ALL
         SELECT w.id::text, w.instructor_user_id, to_char(w.day, 'YYYY-MM-DD'), w.kind, w.title, w.content,
                w.enterprise_id, e.name, w.hours::text, w.created_at
           FROM outreach.work_log_entries w
           LEFT JOIN outreach.directory_enterprises e ON e.id = w.enterprise_id
          WHERE ($1::text IS NULL OR w.instructor_user_id = $1)
       ) line
       WHERE line.day BETWEEN $2 AND $3
       ORDER BY line.day, line.at, line.id
       LIMIT 2000`,
      [f.instructorUserId, f.from, f.to],
    );
    return {
      items: rows.map((r) => ({
        id: r.id,
        instructorUserId: r.instructor_user_id,
        day: r.day,
        kind: r.kind,
        title: r.title,
        content: r.content,
        enterpriseId: r.enterprise_id,
        enterpriseName: r.enterprise_name,
        hours: r.hours === null ? null : Number(r.hours),
        at: new Date(r.at).toISOString(),
      })),
    };
  }
}
