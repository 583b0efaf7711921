import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@ticketing/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class TicketMessaging1763769600000 implements MigrationInterface {
  name = 'TicketMessaging1763769600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createOutboxAndInboxSql('ticket')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxAndInboxSql('ticket')) await q.query(sql);
  }
}
