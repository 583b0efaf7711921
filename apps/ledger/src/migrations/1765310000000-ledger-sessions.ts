import { createSessionRevocationSql, dropSessionRevocationSql } from '@ticketing/platform';
import { MigrationInterface, QueryRunner } from 'typeorm';

/** Ended sessions (directory.sessions-revoked) and stream tickets taken, kept for this service's guard. */
export class LedgerSessions1765310000000 implements MigrationInterface {
  name = 'LedgerSessions1765310000000';

  async up(q: QueryRunner): Promise<void> {
    for (const sql of createSessionRevocationSql('ledger')) await q.query(sql);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const sql of dropSessionRevocationSql('ledger')) await q.query(sql);
  }
}
