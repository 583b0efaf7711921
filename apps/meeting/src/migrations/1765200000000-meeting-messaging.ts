import { createOutboxAndInboxSql, dropOutboxAndInboxSql } from '@ticketing/messaging';
import { MigrationInterface, QueryRunner } from 'typeorm';

export class MeetingMessaging1765200000000 implements MigrationInterface {
  name = 'MeetingMessaging1765200000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createOutboxAndInboxSql('meeting')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropOutboxAndInboxSql('meeting')) await q.query(sql);
  }
}
