import { dropSettingsChangedTriggerSql, settingsChangedTriggerSql } from '@ticketing/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The settings cache's change feed: a commit that writes a subscription or the directory's copies
 * of departments, enterprises and users NOTIFYs notify_settings with the table's name.
 */
const TABLES = ['subscriptions', 'departments', 'enterprises', 'users'];

export class NotifySettingsFeed1765400000000 implements MigrationInterface {
  name = 'NotifySettingsFeed1765400000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of settingsChangedTriggerSql('notify', TABLES)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropSettingsChangedTriggerSql('notify', TABLES)) await q.query(sql);
  }
}
