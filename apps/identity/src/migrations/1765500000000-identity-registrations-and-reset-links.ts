import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Enterprises' applications to join (with their history), and the admin's one-time password reset
 * links (only the token's SHA-256 is kept).
 */
export class IdentityRegistrationsAndResetLinks1765500000000 implements MigrationInterface {
  name = 'IdentityRegistrationsAndResetLinks1765500000000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE identity.registration (
      id uuid PRIMARY KEY,
      enterprise_name text NOT NULL,
      credit_code char(18) NOT NULL,
      contact_name text NOT NULL,
      phone text NOT NULL,
      username text NOT NULL,
      password_hash text,
      status text NOT NULL CHECK (status IN ('pending', 'approved', 'rejected')),
      reason text,
      decided_by text,
      decided_at timestamptz,
      enterprise_id uuid,
      user_id uuid,
      submitted_at timestamptz NOT NULL,
      version integer NOT NULL,
      CHECK ((status = 'pending') = (password_hash IS NOT NULL)),
      CHECK (status <> 'rejected' OR reason IS NOT NULL)
    )`);
    // One application waiting per credit code and per username; decided ones do not hold them.
    await q.query(`CREATE UNIQUE INDEX registration_pending_credit_code_key
      ON identity.registration (credit_code) WHERE status = 'pending'`);
    await q.query(`CREATE UNIQUE INDEX registration_pending_username_key
      ON identity.registration (lower(username)) WHERE status = 'pending'`);
    await q.query(`CREATE TABLE identity.registration_history (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      registration_id uuid NOT NULL REFERENCES identity.registration (id),
      occurred_at timestamptz NOT NULL,
      actor_id text,
      actor_role text,
      action text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      correlation_id text
    )`);
    await q.query(
      `CREATE INDEX registration_history_registration_idx ON identity.registration_history (registration_id)`,
    );
    await q.query(`CREATE FUNCTION identity.registration_history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'identity.registration_history is append-only'; END $$`);
    await q.query(`CREATE TRIGGER registration_history_no_change BEFORE UPDATE OR DELETE ON identity.registration_history
      FOR EACH ROW EXECUTE FUNCTION identity.registration_history_append_only()`);

    await q.query(`CREATE TABLE identity.password_reset_link (
      id uuid PRIMARY KEY,
      user_id uuid NOT NULL REFERENCES identity.user_account (id),
      token_hash char(64) NOT NULL UNIQUE,
      issued_by text NOT NULL,
      issued_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      used_at timestamptz,
      CHECK (expires_at > issued_at)
    )`);
    await q.query(`CREATE INDEX password_reset_link_user_idx ON identity.password_reset_link (user_id)`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query(`DROP TABLE IF EXISTS identity.password_reset_link`);
    await q.query(`DROP TABLE IF EXISTS identity.registration_history`);
    await q.query(`DROP TABLE IF EXISTS identity.registration`);
    await q.query(`DROP FUNCTION IF EXISTS identity.registration_history_append_only()`);
  }
}
