import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@ticketing/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class SlaMessaging1763769600000 implements MigrationInterface {
  name = 'SlaMessaging1763769600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createOutboxAndInboxSql('sla')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxAndInboxSql('sla')) await q.query(sql);
  }
}
