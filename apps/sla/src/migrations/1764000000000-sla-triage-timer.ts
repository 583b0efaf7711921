import { MigrationInterface, QueryRunner } from 'typeorm';
import { normalizeDefinition, PolicyDefinition, TimerRule } from '../policies/domain/policy';

/**
 * The committee's triage clock (DOMAIN.md: Beijing 12345 takes an online request in within 2 h): a
 * ticket no rule routes must have its departments named within 2 working hours, yellow at half
 * time, the committee urged when it passes.
 */
export const TRIAGE_RULE: TimerRule = {
  duration: { amount: 2, unit: 'working_hours' },
  warnings: [{ percent: 50 }],
  escalations: [{ step: 'urge', afterBreach: { amount: 0, unit: 'working_hours' } }],
  pauseWhen: [],
};

/**
 * Adds the triage clock to the zone-wide policy ('*' × '*') as a new version of it, whatever the
 * committee made of it meanwhile; a policy that already sets one is left alone. Policies are
 * versioned, never edited in place: the version before stays on record.
 */
export class SlaTriageTimer1764000000000 implements MigrationInterface {
  name = 'SlaTriageTimer1764000000000';

  async up(q: QueryRunner): Promise<void> {
    const rows: { id: string; version: number; name: string; definition: PolicyDefinition }[] = await q.query(
      `SELECT id, version, name, definition FROM sla.policies
          WHERE category = '*' AND urgency = '*' AND active AND NOT (definition->'timers' ? 'triage')`,
    );
    for (const p of rows) {
      const definition = normalizeDefinition({
        ...p.definition,
        timers: { ...p.definition.timers, triage: TRIAGE_RULE },
      });
      await q.query(`UPDATE sla.policies SET active = false WHERE id = $1 AND version = $2`, [
        p.id,
        p.version,
      ]);
      await q.query(
        `INSERT INTO sla.policies (id, version, name, category, urgency, definition, active, created_by)
         VALUES ($1, $2, $3, '*', '*', $4::jsonb, true, 'migration')`,
        [p.id, p.version + 1, p.name, JSON.stringify(definition)],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    const rows: { id: string; version: number }[] = await q.query(
      `SELECT id, version FROM sla.policies WHERE category = '*' AND urgency = '*' AND active AND created_by = 'migration'`,
    );
    for (const p of rows) {
      await q.query(`DELETE FROM sla.policies WHERE id = $1 AND version = $2`, [p.id, p.version]);
      await q.query(`UPDATE sla.policies SET active = true WHERE id = $1 AND version = $2`, [
        p.id,
        p.version - 1,
      ]);
    }
  }
}
