import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * Subscriptions, deliveries (the rows are the send queue), in-app notifications, and the local
 * copies of directory names and ticket facts that let a message be written without calling back.
 * Ids of other contexts are text: notify never owns them and must not reject an unexpected shape.
 */
export class NotifySchema1763769700000 implements MigrationInterface {
  name = 'NotifySchema1763769700000';

  async up(q: QueryRunner): Promise<void> {
    await q.query(`CREATE TABLE notify.departments (
      id text PRIMARY KEY,
      name text NOT NULL,
      name_en text,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notify.enterprises (
      id text PRIMARY KEY,
      name text NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notify.users (
      id text PRIMARY KEY,
      role text NOT NULL,
      display_name text NOT NULL,
      enterprise_id text,
      department_id text,
      grid_ids text[] NOT NULL DEFAULT '{}',
      mobile text,
      email text,
      active boolean NOT NULL,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query('CREATE INDEX users_department_idx ON notify.users (department_id) WHERE active');
    await q.query('CREATE INDEX users_enterprise_idx ON notify.users (enterprise_id) WHERE active');
    await q.query('CREATE INDEX users_role_idx ON notify.users (role) WHERE active');
    await q.query(`CREATE TABLE notify.tickets (
      id text PRIMARY KEY,
      number text NOT NULL,
      title text,
      enterprise_id text,
      enterprise_name text,
      category text,
      urgency text,
      grid_id text,
      lead_department_id text,
      co_handler_department_ids text[] NOT NULL DEFAULT '{}',
      status text,
      respond_due_at timestamptz,
      resolve_due_at timestamptz,
      updated_at timestamptz NOT NULL DEFAULT now()
    )`);
    await q.query(`CREATE TABLE notify.subscriptions (
      id uuid PRIMARY KEY,
      name text NOT NULL,
      channel text NOT NULL CHECK (channel IN ('wecom', 'dingtalk', 'webhook', 'email')),
      events text[] NOT NULL,
      department_ids text[] NOT NULL DEFAULT '{}',
      categories text[] NOT NULL DEFAULT '{}',
      grid_ids text[] NOT NULL DEFAULT '{}',
      urgencies text[] NOT NULL DEFAULT '{}',
      url text,
      secret text,
      msgtype text,
      mention_mobiles text[] NOT NULL DEFAULT '{}',
      mention_all boolean NOT NULL DEFAULT false,
      recipients text[] NOT NULL DEFAULT '{}',
      language text NOT NULL DEFAULT 'zh' CHECK (language IN ('zh', 'en')),
      enabled boolean NOT NULL DEFAULT true,
      version integer NOT NULL DEFAULT 1,
      created_by text NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      deleted_at timestamptz
    )`);
    await q.query(
      'CREATE INDEX subscriptions_events_idx ON notify.subscriptions USING gin (events) WHERE enabled AND deleted_at IS NULL',
    );
    await q.query(`CREATE TABLE notify.deliveries (
      id uuid PRIMARY KEY,
      subscription_id uuid NOT NULL REFERENCES notify.subscriptions(id),
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      event_occurred_at timestamptz NOT NULL,
      ticket_id text,
      channel text NOT NULL,
      status text NOT NULL CHECK (status IN ('pending', 'delivered', 'failed', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0,
      next_attempt_at timestamptz NOT NULL DEFAULT now(),
      message jsonb NOT NULL,
      last_error text,
      last_attempt_at timestamptz,
      delivered_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      CONSTRAINT deliveries_once_per_subscription UNIQUE (subscription_id, event_id)
    )`);
    // The worker's queue: only pending rows, by when they are due.
    await q.query(
      "CREATE INDEX deliveries_due_idx ON notify.deliveries (next_attempt_at) WHERE status = 'pending'",
    );
    await q.query('CREATE INDEX deliveries_status_idx ON notify.deliveries (status, id DESC)');
    await q.query(`CREATE TABLE notify.notifications (
      id uuid PRIMARY KEY,
      user_id text NOT NULL,
      event_id uuid NOT NULL,
      event_type text NOT NULL,
      ticket_id text,
      title text NOT NULL,
      body text NOT NULL,
      link text,
      created_at timestamptz NOT NULL DEFAULT now(),
      read_at timestamptz,
      CONSTRAINT notifications_once_per_user UNIQUE (user_id, event_id)
    )`);
    await q.query('CREATE INDEX notifications_user_idx ON notify.notifications (user_id, id DESC)');
    await q.query(
      'CREATE INDEX notifications_unread_idx ON notify.notifications (user_id) WHERE read_at IS NULL',
    );
  }

  async down(q: QueryRunner): Promise<void> {
    for (const t of [
      'notifications',
      'deliveries',
      'subscriptions',
      'tickets',
      'users',
      'enterprises',
      'departments',
    ]) {
      await q.query(`DROP TABLE IF EXISTS notify.${t}`);
    }
  }
}
