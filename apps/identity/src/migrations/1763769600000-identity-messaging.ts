import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@ticketing/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityMessaging1763769600000 implements MigrationInterface {
  name = 'IdentityMessaging1763769600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createOutboxAndInboxSql('identity')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxAndInboxSql('identity')) await q.query(sql);
  }
}
