import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { conflictOnUnique } from '@ticketing/platform';
import { ChangeLog } from '../../shared/infrastructure/change-log';
import { Liaisons, LiaisonsProps } from '../domain/liaisons.aggregate';
import { LiaisonsRepository } from '../domain/liaisons.repository';

export interface LiaisonsRow {
  enterprise_id: string;
  enterprise_name: string;
  grid_id: string | null;
  key_enterprise: boolean;
  instructor_user_ids: string[];
  leader: LiaisonsProps['leader'];
  department: LiaisonsProps['department'];
  version: number;
  updated_at: Date;
  updated_by: string;
}

export const toLiaisonsProps = (r: LiaisonsRow): LiaisonsProps => ({
  enterpriseId: r.enterprise_id,
  enterpriseName: r.enterprise_name,
  gridId: r.grid_id,
  keyEnterprise: r.key_enterprise,
  instructorUserIds: r.instructor_user_ids,
  leader: r.leader,
  department: r.department,
  version: r.version,
  updatedAt: new Date(r.updated_at),
  updatedBy: r.updated_by,
});

/** `outreach.liaisons`, one row per enterprise, with its history and events through the change log. */
@Injectable()
export class TypeormLiaisonsRepository extends LiaisonsRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly log: ChangeLog,
  ) {
    super();
  }

  async lockByEnterprise(enterpriseId: string): Promise<Liaisons | null> {
    const [row]: LiaisonsRow[] = await this.tx.writer.query(
      `SELECT * FROM outreach.liaisons WHERE enterprise_id = $1 FOR UPDATE`,
      [enterpriseId],
    );
    return row ? Liaisons.rehydrate(toLiaisonsProps(row)) : null;
  }

  async save(liaisons: Liaisons): Promise<void> {
    const changes = liaisons.pullChanges();
    if (!changes.length) return;
    const s = liaisons.snapshot();
    const m = this.tx.writer;
    const values = [
      s.enterpriseId,
      s.enterpriseName,
      s.gridId,
      s.keyEnterprise,
      s.instructorUserIds,
      s.leader && JSON.stringify(s.leader),
      s.department && JSON.stringify(s.department),
      s.version,
      s.updatedAt,
      s.updatedBy,
    ];
    if (changes[0].version === 1) {
      // Two first settings at once: the second finds the row taken and is told to reload.
      await m
        .query(
          `INSERT INTO outreach.liaisons (enterprise_id, enterprise_name, grid_id, key_enterprise, instructor_user_ids,
             leader, department, version, updated_at, updated_by) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)`,
          values,
        )
        .catch((e: unknown) => {
          throw conflictOnUnique(e, `the liaisons of ${s.enterpriseId} were set meanwhile; reload and retry`);
        });
    } else {
      await m.query(
        `UPDATE outreach.liaisons SET enterprise_name = $2, grid_id = $3, key_enterprise = $4, instructor_user_ids = $5,
           leader = $6, department = $7, version = $8, updated_at = $9, updated_by = $10 WHERE enterprise_id = $1`,
        values,
      );
    }
    await this.log.append('liaisons', s.enterpriseId, changes);
  }
}
