import { dropSettingsChangedTriggerSql, settingsChangedTriggerSql } from '@ticketing/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The settings cache's change feed: a commit that writes the routing rules or the desk's copy of
 * the departments (both read for every routed ticket) NOTIFYs dispatch_settings with the table's name.
 */
const TABLES = ['routing_rules', 'departments'];

export class DispatchSettingsFeed1765400000000 implements MigrationInterface {
  name = 'DispatchSettingsFeed1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of settingsChangedTriggerSql('dispatch', TABLES)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropSettingsChangedTriggerSql('dispatch', TABLES)) await q.query(sql);
  }
}
