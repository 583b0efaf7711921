import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Issue 16 and 15: the SMS channel (its account on the subscription, the contact phone from
 * ticket.submitted, each enterprise's opt-out) and the copies of meetings and decisions that let
 * invitations and a decision's deadline warnings be written without calling back.
 */
export class NotifyChannels1764806400000 implements MigrationInterface {
  name = 'NotifyChannels1764806400000';

  async up(q: QueryRunner): Promise<void> {
    await q.query('ALTER TABLE notify.subscriptions DROP CONSTRAINT subscriptions_channel_check');
    await q.query(
      `ALTER TABLE notify.subscriptions ADD CONSTRAINT subscriptions_channel_check
         CHECK (channel IN ('wecom', 'dingtalk', 'webhook', 'email', 'sms'))`,
    );
    await q.query(`ALTER TABLE notify.subscriptions
      ADD COLUMN sms_access_key_id text,
      ADD COLUMN sms_sign_name text,
      ADD COLUMN sms_templates jsonb`);
    await q.query('ALTER TABLE notify.tickets ADD COLUMN contact_phone text');
    await q.query(`CREATE TABLE notify.sms_preferences (
      enterprise_id text PRIMARY KEY,
      enabled boolean NOT NULL,
      version integer NOT NULL DEFAULT 1,
      updated_by text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notify.meetings (
      id text PRIMARY KEY,
      title text,
      starts_at timestamptz,
      place text,
      convenor_name text,
      invited_department_ids text[] NOT NULL DEFAULT '{}',
      invited_enterprise_ids text[] NOT NULL DEFAULT '{}',
      cancelled boolean NOT NULL DEFAULT false,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notify.decisions (
      id text PRIMARY KEY,
      meeting_id text,
      title text,
      task text,
      lead_department_id text,
      due_working_days integer,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
  }

  async down(q: QueryRunner): Promise<void> {
    await q.query('DROP TABLE IF EXISTS notify.decisions');
    await q.query('DROP TABLE IF EXISTS notify.meetings');
    await q.query('DROP TABLE IF EXISTS notify.sms_preferences');
    await q.query('ALTER TABLE notify.tickets DROP COLUMN IF EXISTS contact_phone');
    await q.query(`ALTER TABLE notify.subscriptions
      DROP COLUMN IF EXISTS sms_access_key_id,
      DROP COLUMN IF EXISTS sms_sign_name,
      DROP COLUMN IF EXISTS sms_templates`);
    await q.query("DELETE FROM notify.deliveries WHERE channel = 'sms'");
    await q.query("DELETE FROM notify.subscriptions WHERE channel = 'sms'");
    await q.query('ALTER TABLE notify.subscriptions DROP CONSTRAINT subscriptions_channel_check');
    await q.query(
      `ALTER TABLE notify.subscriptions ADD CONSTRAINT subscriptions_channel_check
         CHECK (channel IN ('wecom', 'dingtalk', 'webhook', 'email'))`,
    );
  }
}
