import { Injectable } from '@nestjs/common';
import { AttachmentRef, VisitMode } from '@ticketing/contracts';
import { TransactionContext } from '@ticketing/database';
import { ChangeLog } from '../../shared/infrastructure/change-log';
import { Visit, VisitLink, VisitProblem, VisitProps } from '../domain/visit.aggregate';
import { VisitRepository } from '../domain/visit.repository';

export interface VisitRow {
  id: string;
  enterprise_id: string;
  enterprise_name: string;
  grid_id: string | null;
  instructor_user_id: string;
  instructor_name: string;
  instructor_grid_ids: string[];
  companions: string[];
  visited_at: Date;
  month: string;
  mode: string;
  topics: string[];
  findings: string;
  photos: AttachmentRef[];
  problems: VisitProblem[];
  need_ids: string[];
  planned: boolean;
  task_list_id: string | null;
  links: (Omit<VisitLink, 'linkedAt'> & { linkedAt: string })[];
  version: number;
  recorded_at: Date;
}

export const toVisitProps = (r: VisitRow): VisitProps => ({
  id: r.id,
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  gridId: r.grid_id,
  instructor: { id: r.instructor_user_id, name: r.instructor_name, gridIds: r.instructor_grid_ids },
  companions: r.companions,
  visitedAt: new Date(r.visited_at),
  month: r.month,
  mode: r.mode as VisitMode,
  topics: r.topics,
  findings: r.findings,
  photos: r.photos,
  problems: r.problems,
  needIds: r.need_ids,
  planned: r.planned,
  taskListId: r.task_list_id,
  links: r.links.map((l) => ({ ...l, linkedAt: new Date(l.linkedAt) })),
  version: r.version,
  recordedAt: new Date(r.recorded_at),
});

/** `outreach.visits` (problems, photos and links as JSON), with history and events through the change log. */
@Injectable()
export class TypeormVisitRepository extends VisitRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly log: ChangeLog,
  ) {
    super();
  }

  async lockById(id: string): Promise<Visit | null> {
    const [row]: VisitRow[] = await this.tx.writer.query(
      `SELECT * FROM outreach.visits WHERE id = $1 FOR UPDATE`,
      [id],
    );
    return row ? Visit.rehydrate(toVisitProps(row)) : null;
  }

  async add(visit: Visit): Promise<void> {
    const s = visit.snapshot();
    await this.tx.writer.query(
      `INSERT INTO outreach.visits (id, enterprise_id, enterprise_name, grid_id, instructor_user_id, instructor_name,
         instructor_grid_ids, companions, visited_at, month, mode, topics, findings, photos, problems, need_ids, planned,
         task_list_id, links, version, recorded_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19, $20, $21)`,
      [
        s.id,
        s.enterpriseId,
        s.enterpriseName,
        s.gridId,
        s.instructor.id,
        s.instructor.name,
        s.instructor.gridIds,
        s.companions,
        s.visitedAt,
        s.month,
        s.mode,
        s.topics,
        s.findings,
        JSON.stringify(s.photos),
        JSON.stringify(s.problems),
        s.needIds,
        s.planned,
        s.taskListId,
        JSON.stringify(s.links),
        s.version,
        s.recordedAt,
      ],
    );
    await this.log.append('visit', s.id, visit.pullChanges());
  }

  async save(visit: Visit): Promise<void> {
    const changes = visit.pullChanges();
    if (!changes.length) return;
    const s = visit.snapshot();
    await this.tx.writer.query(`UPDATE outreach.visits SET links = $2, version = $3 WHERE id = $1`, [
      s.id,
      JSON.stringify(s.links),
      s.version,
    ]);
    await this.log.append('visit', s.id, changes);
  }
}
