import { settingsChangedTriggerSql } from '@ticketing/database';
import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The search directory (ticket.search_enterprises: names and credit codes) joins the settings
 * cache's change feed: every save of a ticket writes its search row with the enterprise's entry,
 * read from the cache, so a commit that changes the table must drop it in every process.
 */
export class TicketSearchDirectoryFeed1766100000000 implements MigrationInterface {
  name = 'TicketSearchDirectoryFeed1766100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of settingsChangedTriggerSql('ticket', ['search_enterprises'])) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    // The function stays: the tables of TicketSettingsFeed1766000000000 still use it.
    await q.query(`DROP TRIGGER IF EXISTS settings_changed ON ticket.search_enterprises`);
  }
}
