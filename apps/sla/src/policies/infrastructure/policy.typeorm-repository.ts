import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import { deepFreeze } from '../../settings/deep-freeze';
import { enqueueRecompute } from '../../timers/infrastructure/recompute-job.typeorm-repository';
import { PolicySubject, PolicyVersion, WILDCARD } from '../domain/policy';
import { CoveringPolicy, Policy } from '../domain/policy.aggregate';
import { PolicyRepository } from '../domain/policy.repository';

interface PolicyRow {
  id: string;
  version: number;
  name: string;
  name_en: string | null;
  subject: PolicySubject;
  category: string;
  urgency: string;
  definition: PolicyVersion['definition'];
  created_by: string;
}

const COLUMNS = 'id, version, name, name_en, subject, category, urgency, definition, created_by';

const toPolicy = (r: PolicyRow): PolicyVersion => ({
  id: r.id,
  version: r.version,
  name: r.name,
  nameEn: r.name_en,
  subject: r.subject,
  category: r.category,
  urgency: r.urgency,
  definition: r.definition,
});

/**
 * Policy versions in sla.policies, one active per id and per scope. Versions are immutable, so one
 * read once is kept; the candidates of a scope (read on every ticket event that opens a clock) come
 * from the settings cache, as frozen rows, until sla.policies changes.
 */
@Injectable()
export class TypeormPolicyRepository extends PolicyRepository {
  private readonly versions = new Map<string, PolicyVersion>();

  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async candidates(subject: PolicySubject, category: string, urgency: string): Promise<PolicyVersion[]> {
    const rows = await this.cache.read(
      this.tx.manager,
      ['policies'],
      JSON.stringify(['candidates', subject, category, urgency]),
      async () =>
        deepFreeze<PolicyRow[]>(
          await this.tx.manager.query(
            `SELECT ${COLUMNS} FROM sla.policies
              WHERE active AND subject = $4 AND category IN ($1, $3) AND urgency IN ($2, $3)`,
            [category, urgency, WILDCARD, subject],
          ),
        ),
    );
    return rows.map(toPolicy);
  }

  async allActive(): Promise<PolicyVersion[]> {
    const rows: PolicyRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM sla.policies WHERE active ORDER BY id`,
    );
    return rows.map(toPolicy);
  }

  async version(id: string, version: number): Promise<PolicyVersion | undefined> {
    const key = `${id}@${version}`;
    const hit = this.versions.get(key);
    if (hit) return hit;
    const [row]: PolicyRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM sla.policies WHERE id = $1 AND version = $2`,
      [id, version],
    );
    if (!row) return undefined;
    const p = toPolicy(row);
    this.versions.set(key, p);
    return p;
  }

  async active(id: string): Promise<PolicyVersion | undefined> {
    const [row]: PolicyRow[] = await this.tx.manager.query(
      `SELECT ${COLUMNS} FROM sla.policies WHERE id = $1 AND active`,
      [id],
    );
    return row ? toPolicy(row) : undefined;
  }

  async lockActive(id: string): Promise<Policy | null> {
    const [row]: PolicyRow[] = await this.tx.writer.query(
      `SELECT ${COLUMNS} FROM sla.policies WHERE id = $1 AND active FOR UPDATE`,
      [id],
    );
    return row ? Policy.restore(toPolicy(row), row.created_by) : null;
  }

  async lockWrites(): Promise<void> {
    await this.tx.writer.query('SELECT pg_advisory_xact_lock(hashtext($1))', ['sla-policy:writes']);
  }

  async activeInScope(
    subject: PolicySubject,
    category: string,
    urgency: string,
  ): Promise<CoveringPolicy | null> {
    const [dup]: CoveringPolicy[] = await this.tx.manager.query(
      'SELECT id, name FROM sla.policies WHERE active AND subject = $1 AND category = $2 AND urgency = $3',
      [subject, category, urgency],
    );
    return dup ?? null;
  }

  async save(policy: Policy): Promise<void> {
    const m = this.tx.writer;
    const change = policy.pendingChange;
    if (change.kind === 'none') return;
    this.cache.touch(m, 'policies');
    const p = policy.state;
    if (change.kind === 'revised') {
      await m.query('UPDATE sla.policies SET active = false WHERE id = $1 AND version = $2', [
        p.id,
        change.previousVersion,
      ]);
    }
    await m.query(
      `INSERT INTO sla.policies (id, version, name, name_en, subject, category, urgency, definition, active, created_by)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, true, $9)`,
      [
        p.id,
        p.version,
        p.name,
        p.nameEn,
        p.subject,
        p.category,
        p.urgency,
        JSON.stringify(p.definition),
        policy.createdBy,
      ],
    );
    if (change.kind === 'revised') await enqueueRecompute(m, 'policy', p.id, `policy ${p.id} v${p.version}`);
  }
}
