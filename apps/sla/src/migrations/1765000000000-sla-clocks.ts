import { MigrationInterface, QueryRunner } from 'typeorm';
import { newId } from '@ticketing/contracts';
import {
  DEFAULT_CALENDAR_ID,
  DEFAULT_CALENDAR_NAMES,
  DEFAULT_POLICIES,
  RENAMED_SEEDS,
} from '../policies/domain/default-policies';
import { normalizeDefinition } from '../policies/domain/policy';

const FIRST_CALENDAR_NAME = '全国 Mainland China (State Council notices)';

/**
 * The clocks of issues 13, 15 and 16:
 * - policies gain a subject (ticket, or the joint meetings' decisions: one zone-wide policy, so the
 *   one-active-per-scope index now reads subject × category × urgency) and an English name beside
 *   the Chinese one; calendars too;
 * - timers may carry a length of their own (a decision names its working days), and the tickets'
 *   row keeps the pauses in force (extension, transfer, information asked of the enterprise) with
 *   the open information requests;
 * - `decisions`: what the meeting events told us of each decision (its departments see its clock);
 * - the seeded rows' names become Chinese, with the English in `name_en`; each seeded ticket policy
 *   that nobody edited gets a new version with the corrected deadlines (a reply never after the
 *   resolution; resolution in working time), the older versions kept on record; the decisions'
 *   policy is seeded. Open timers keep the policy version they run on (no recompute): no deadline a
 *   department was given moves under it; timers opened from now on follow the new versions.
 */
export class SlaClocks1765000000000 implements MigrationInterface {
  name = 'SlaClocks1765000000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`ALTER TABLE sla.policies ADD COLUMN name_en text`);
    await q.query(
      `ALTER TABLE sla.policies ADD COLUMN subject text NOT NULL DEFAULT 'ticket' CHECK (subject IN ('ticket', 'decision'))`,
    );
    await q.query(`DROP INDEX sla.policies_active_scope_uq`);
    await q.query(
      `CREATE UNIQUE INDEX policies_active_scope_uq ON sla.policies (subject, category, urgency) WHERE active`,
    );
    await q.query(`ALTER TABLE sla.calendars ADD COLUMN name_en text`);
    // A length of the timer's own (a decision's working days); null: its policy's.
    await q.query(`ALTER TABLE sla.timers ADD COLUMN own_duration jsonb`);
    await q.query(`ALTER TABLE sla.tickets ADD COLUMN pause_conditions text[] NOT NULL DEFAULT '{}'`);
    await q.query(`ALTER TABLE sla.tickets ADD COLUMN information_request_ids text[] NOT NULL DEFAULT '{}'`);
    await q.query(`CREATE TABLE sla.decisions (
      decision_id text PRIMARY KEY,
      meeting_id text NOT NULL,
      ticket_id text,
      lead_department_id text NOT NULL,
      co_handler_department_ids text[] NOT NULL DEFAULT '{}',
      due_working_days integer NOT NULL,
      decided_at timestamptz NOT NULL,
      status text NOT NULL CHECK (status IN ('open', 'done', 'closed')),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);

    for (const r of RENAMED_SEEDS) {
      await q.query(`UPDATE sla.policies SET name = $2, name_en = $3 WHERE name = $1`, [
        r.was,
        r.name,
        r.nameEn,
      ]);
    }
    await q.query(`UPDATE sla.calendars SET name = $3, name_en = $4 WHERE id = $1 AND name = $2`, [
      DEFAULT_CALENDAR_ID,
      FIRST_CALENDAR_NAME,
      DEFAULT_CALENDAR_NAMES.name,
      DEFAULT_CALENDAR_NAMES.nameEn,
    ]);

    for (const p of DEFAULT_POLICIES.filter((d) => d.subject === 'ticket')) {
      // The seeded policy of this scope, if its active version is still a seed's or a migration's.
      const [active]: { id: string; version: number }[] = await q.query(
        `SELECT a.id, a.version FROM sla.policies a
          WHERE a.active AND a.subject = 'ticket' AND a.category = $1 AND a.urgency = $2
            AND a.created_by IN ('seed', 'migration')
            AND EXISTS (SELECT 1 FROM sla.policies s WHERE s.id = a.id AND s.version = 1 AND s.created_by = 'seed')`,
        [p.category, p.urgency],
      );
      if (!active) continue;
      await q.query(`UPDATE sla.policies SET active = false WHERE id = $1 AND version = $2`, [
        active.id,
        active.version,
      ]);
      await q.query(
        `INSERT INTO sla.policies (id, version, name, name_en, subject, category, urgency, definition, active, created_by)
         VALUES ($1, $2, $3, $4, 'ticket', $5, $6, $7::jsonb, true, 'migration')`,
        [
          active.id,
          active.version + 1,
          p.name,
          p.nameEn,
          p.category,
          p.urgency,
          JSON.stringify(normalizeDefinition(p.definition)),
        ],
      );
    }

    for (const p of DEFAULT_POLICIES.filter((d) => d.subject === 'decision')) {
      await q.query(
        `INSERT INTO sla.policies (id, version, name, name_en, subject, category, urgency, definition, active, created_by)
         SELECT $1, 1, $2, $3, 'decision', $4, $5, $6::jsonb, true, 'migration'
          WHERE NOT EXISTS (SELECT 1 FROM sla.policies WHERE active AND subject = 'decision')`,
        [newId(), p.name, p.nameEn, p.category, p.urgency, JSON.stringify(normalizeDefinition(p.definition))],
      );
    }
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(
      `DELETE FROM sla.timer_firings WHERE timer_id IN (SELECT id FROM sla.timers WHERE kind IN ('decision', 'callback'))`,
    );
    await q.query(`DELETE FROM sla.timers WHERE kind IN ('decision', 'callback')`);
    await q.query(`DELETE FROM sla.policies WHERE subject = 'decision'`);
    const corrected: { id: string; version: number }[] = await q.query(
      `SELECT id, version FROM sla.policies WHERE active AND created_by = 'migration' AND definition ? 'pauseWhileAwaitingEnterprise'`,
    );
    for (const p of corrected) {
      await q.query(`DELETE FROM sla.policies WHERE id = $1 AND version = $2`, [p.id, p.version]);
      await q.query(`UPDATE sla.policies SET active = true WHERE id = $1 AND version = $2`, [
        p.id,
        p.version - 1,
      ]);
    }
    for (const r of RENAMED_SEEDS) {
      await q.query(`UPDATE sla.policies SET name = $1 WHERE name = $2 AND name_en = $3`, [
        r.was,
        r.name,
        r.nameEn,
      ]);
    }
    await q.query(`UPDATE sla.calendars SET name = $2 WHERE id = $1 AND name = $3`, [
      DEFAULT_CALENDAR_ID,
      FIRST_CALENDAR_NAME,
      DEFAULT_CALENDAR_NAMES.name,
    ]);
    await q.query(`DROP TABLE sla.decisions`);
    await q.query(
      `ALTER TABLE sla.tickets DROP COLUMN information_request_ids, DROP COLUMN pause_conditions`,
    );
    await q.query(`ALTER TABLE sla.timers DROP COLUMN own_duration`);
    await q.query(`ALTER TABLE sla.calendars DROP COLUMN name_en`);
    await q.query(`DROP INDEX sla.policies_active_scope_uq`);
    await q.query(
      `CREATE UNIQUE INDEX policies_active_scope_uq ON sla.policies (category, urgency) WHERE active`,
    );
    await q.query(`ALTER TABLE sla.policies DROP COLUMN subject, DROP COLUMN name_en`);
  }
}
