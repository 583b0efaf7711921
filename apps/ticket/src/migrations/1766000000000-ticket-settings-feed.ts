import { dropSettingsChangedTriggerSql, settingsChangedTriggerSql } from '@ticketing/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The settings cache's change feed: a commit that writes the categories or the directory's copy of
 * enterprises (the two reads every submission makes, served from the SettingsCache) NOTIFYs
 * ticket_settings with the table's name, whoever writes it (this service, a migration, psql).
 */
const TABLES = ['categories', 'directory_enterprises'];

export class TicketSettingsFeed1766000000000 implements MigrationInterface {
  name = 'TicketSettingsFeed1766000000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of settingsChangedTriggerSql('ticket', TABLES)) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropSettingsChangedTriggerSql('ticket', TABLES)) await q.query(sql);
  }
}
