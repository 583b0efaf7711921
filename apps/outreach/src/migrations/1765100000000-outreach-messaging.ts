import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@ticketing/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class OutreachMessaging1765100000000 implements MigrationInterface {
  name = 'OutreachMessaging1765100000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createOutboxAndInboxSql('outreach')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxAndInboxSql('outreach')) await q.query(sql);
  }
}
