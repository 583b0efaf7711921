import { MigrationInterface, QueryRunner } from 'typeorm';

export class IdentityDirectory1763769600001 implements MigrationInterface {
  name = 'IdentityDirectory1763769600001';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE identity.department (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name_zh text NOT NULL,
      name_en text,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE identity.grid (
      id uuid PRIMARY KEY,
      code text NOT NULL UNIQUE,
      name text NOT NULL,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE identity.enterprise (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      credit_code char(18) NOT NULL UNIQUE,
      industry text,
      address text,
      grid_id uuid REFERENCES identity.grid (id),
      contacts jsonb NOT NULL DEFAULT '[]'::jsonb,
      active boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE INDEX enterprise_grid_idx ON identity.enterprise (grid_id)`);
    await q.query(`CREATE TABLE identity.user_account (
      id uuid PRIMARY KEY,
      username text NOT NULL,
      display_name text NOT NULL,
      role text NOT NULL CHECK (role IN ('enterprise', 'instructor', 'department', 'committee', 'admin')),
      enterprise_id uuid REFERENCES identity.enterprise (id),
      department_id uuid REFERENCES identity.department (id),
      mobile text,
      email text,
      active boolean NOT NULL DEFAULT true,
      password_hash text NOT NULL,
      must_change_password boolean NOT NULL DEFAULT false,
      password_changed_at timestamptz NOT NULL DEFAULT now(),
      version integer NOT NULL DEFAULT 1,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE UNIQUE INDEX user_account_username_key ON identity.user_account (lower(username))`);
    await q.query(`CREATE TABLE identity.user_grid (
      user_id uuid NOT NULL REFERENCES identity.user_account (id) ON DELETE CASCADE,
      grid_id uuid NOT NULL REFERENCES identity.grid (id),
      PRIMARY KEY (user_id, grid_id)
    )`);
    await q.query(`CREATE INDEX user_grid_grid_idx ON identity.user_grid (grid_id)`);
    await q.query(`CREATE TABLE identity.refresh_token (
      id uuid PRIMARY KEY,
      family_id uuid NOT NULL,
      user_id uuid NOT NULL REFERENCES identity.user_account (id),
      token_hash char(64) NOT NULL UNIQUE,
      expires_at timestamptz NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      rotated_at timestamptz,
      revoked_at timestamptz
    )`);
    await q.query(`CREATE INDEX refresh_token_family_idx ON identity.refresh_token (family_id)`);
    await q.query(
      `CREATE INDEX refresh_token_user_idx ON identity.refresh_token (user_id) WHERE revoked_at IS NULL`,
    );
    // Keyed by the name typed, whether or not such a user exists, so a lock reveals nothing.
    await q.query(`CREATE TABLE identity.login_failure (
      username text PRIMARY KEY,
      failures integer NOT NULL,
      window_started_at timestamptz NOT NULL,
      locked_until timestamptz
    )`);
    await q.query(`CREATE TABLE identity.audit_entry (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      occurred_at timestamptz NOT NULL DEFAULT now(),
      actor_id text NOT NULL,
      actor_role text NOT NULL,
      action text NOT NULL,
      entity_type text NOT NULL,
      entity_id text NOT NULL,
      details jsonb NOT NULL DEFAULT '{}'::jsonb,
      correlation_id text
    )`);
    await q.query(`CREATE INDEX audit_entry_entity_idx ON identity.audit_entry (entity_type, entity_id)`);
    // Append-only is enforced by the database too, not only by the absence of an UPDATE in code.
    await q.query(`CREATE FUNCTION identity.audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'identity.audit_entry is append-only'; END $$`);
    await q.query(`CREATE TRIGGER audit_entry_no_change BEFORE UPDATE OR DELETE ON identity.audit_entry
      FOR EACH ROW EXECUTE FUNCTION identity.audit_entry_append_only()`);
    await q.query(`CREATE TRIGGER audit_entry_no_truncate BEFORE TRUNCATE ON identity.audit_entry
      FOR EACH STATEMENT EXECUTE FUNCTION identity.audit_entry_append_only()`);
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'audit_entry',
      'login_failure',
      'refresh_token',
      'user_grid',
      'user_account',
      'enterprise',
      'grid',
      'department',
    ]) {
      await q.query(`DROP TABLE IF EXISTS identity.${t}`);
    }
    await q.query(`DROP FUNCTION IF EXISTS identity.audit_entry_append_only()`);
  }
}
