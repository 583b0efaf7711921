import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@ticketing/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class LedgerMessaging1763769600000 implements MigrationInterface {
  name = 'LedgerMessaging1763769600000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createOutboxAndInboxSql('ledger')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxAndInboxSql('ledger')) await q.query(sql);
  }
}
