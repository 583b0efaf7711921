import { Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';

export interface PolicyListRow {
  id: string;
  version: number;
  name: string;
  name_en: string | null;
  subject: string;
  category: string;
  urgency: string;
  definition: unknown;
  active: boolean;
  created_by: string;
  created_at: Date;
}

export interface RecomputeJobRow {
  id: string;
  scope: string;
  target: string;
  reason: string;
  processed: number;
  changed: number;
  created_at: Date;
  finished_at: Date | null;
}

/** Policies and recompute jobs as the policy pages list them. */
@Injectable()
export class PolicyReader {
  constructor(private readonly tx: TransactionContext) {}

  /** Active policies: tickets' first, wildcards last; the decisions' at the end. */
  active(): Promise<PolicyListRow[]> {
    return this.tx.manager.query(
      `SELECT * FROM sla.policies WHERE active
        ORDER BY (subject = 'decision'), (category = '*'), category, (urgency = '*'), urgency`,
    );
  }

  /** Every version of one policy, newest first. */
  versions(id: string): Promise<PolicyListRow[]> {
    return this.tx.manager.query('SELECT * FROM sla.policies WHERE id = $1 ORDER BY version DESC', [id]);
  }

  latestJobs(limit: number): Promise<RecomputeJobRow[]> {
    return this.tx.manager.query('SELECT * FROM sla.recompute_jobs ORDER BY id DESC LIMIT $1', [limit]);
  }
}
