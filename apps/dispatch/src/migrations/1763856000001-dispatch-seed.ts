import { DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { MigrationInterface, QueryRunner } from 'typeorm';
import { DEFAULT_RULES } from '../rules/domain/default-rules';

/**
 * The first start's data: the default departments (identity seeds the same fixed ids and later
 * upserts arrive as directory events) and the default routing rules. A migration runs once per
 * database under the migration lock, so several instances starting together seed once.
 */
export class DispatchSeed1763856000001 implements MigrationInterface {
  name = 'DispatchSeed1763856000001';

  async up(q: QueryRunner): Promise<void> {
    for (const d of DEFAULT_DEPARTMENTS) {
      await q.query(
        `INSERT INTO dispatch.departments (id, code, name, name_en, active) VALUES ($1, $2, $3, $4, true) ON CONFLICT (id) DO NOTHING`,
        [d.id, d.code, d.zh, d.en],
      );
    }
    for (const r of DEFAULT_RULES) {
      const values = [
        r.id,
        r.version,
        r.name,
        r.priority,
        r.enabled,
        JSON.stringify(r.conditions),
        r.decision.leadDepartmentId,
        JSON.stringify(r.decision.coHandlerDepartmentIds),
      ];
      await q.query(
        `INSERT INTO dispatch.routing_rules (id, version, name, priority, enabled, conditions, lead_department_id, co_handler_department_ids, updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'system')`,
        values,
      );
      await q.query(
        `INSERT INTO dispatch.routing_rule_versions (rule_id, version, name, enabled, conditions, lead_department_id, co_handler_department_ids, change, changed_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 'created', 'system')`,
        [values[0], values[1], values[2], ...values.slice(4)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const ids = DEFAULT_RULES.map((r) => r.id);
    await q.query(`DELETE FROM dispatch.routing_rule_versions WHERE rule_id = ANY($1)`, [ids]);
    await q.query(`DELETE FROM dispatch.routing_rules WHERE id = ANY($1)`, [ids]);
  }
}
