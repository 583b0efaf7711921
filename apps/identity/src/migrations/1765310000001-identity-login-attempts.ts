import { MigrationInterface, QueryRunner } from 'typeorm';

/** Login attempts per client address, shared by every instance of identity (LOGIN_RATE_LIMIT). */
export class IdentityLoginAttempts1765310000001 implements MigrationInterface {
  name = 'IdentityLoginAttempts1765310000001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE identity.login_attempt (
      client text PRIMARY KEY,
      window_start timestamptz NOT NULL,
      attempts integer NOT NULL
    )`);
    await q.query(`CREATE INDEX login_attempt_window_idx ON identity.login_attempt (window_start)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS identity.login_attempt`);
  }
}
