import { dropSettingsChangedTriggerSql, settingsChangedTriggerSql } from '@ticketing/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** The tables the settings cache serves: the policies and the calendars with their notices. */
const TABLES = ['policies', 'calendars', 'calendar_notices'];

/**
 * Statement triggers that NOTIFY `sla_settings` with the table's name when a transaction that wrote
 * one of the settings tables commits, so that every process drops what it cached of it
 * (SettingsCache of @ticketing/database).
 */
export class SlaSettingsFeed1765400000000 implements MigrationInterface {
  name = 'SlaSettingsFeed1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of settingsChangedTriggerSql('sla', TABLES)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropSettingsChangedTriggerSql('sla', TABLES)) await q.query(sql);
  }
}
