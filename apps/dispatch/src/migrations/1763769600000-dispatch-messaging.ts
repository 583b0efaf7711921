import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@ticketing/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class DispatchMessaging1763769600000 implements MigrationInterface {
  name = 'DispatchMessaging1763769600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createOutboxAndInboxSql('dispatch')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxAndInboxSql('dispatch')) await q.query(sql);
  }
}
