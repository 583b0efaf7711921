/**
 * DDL of the outbox and inbox tables that every service schema holds. Services call these from
 * their own committed initial migration; a later change to these tables is a new migration.
 */
export function createOutboxAndInboxSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".outbox (
      seq bigserial PRIMARY KEY,
      id uuid NOT NULL UNIQUE,
      topic text NOT NULL,
      key text NOT NULL,
      type text NOT NULL,
      envelope jsonb NOT NULL,
      created_at timestamptz NOT NULL DEFAULT now(),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      published_at timestamptz
    )`,
    `CREATE INDEX outbox_unpublished_idx ON "${schema}".outbox (seq) WHERE published_at IS NULL`,
    `CREATE INDEX outbox_published_at_idx ON "${schema}".outbox (published_at) WHERE published_at IS NOT NULL`,
    `CREATE TABLE "${schema}".inbox (
      consumer text NOT NULL,
      event_id uuid NOT NULL,
      topic text NOT NULL,
      event_type text NOT NULL,
      processed_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (consumer, event_id)
    )`,
    `CREATE INDEX inbox_processed_at_idx ON "${schema}".inbox (processed_at)`,
  ];
}

export function dropOutboxAndInboxSql(schema: string): string[] {
  return [`DROP TABLE IF EXISTS "${schema}".inbox`, `DROP TABLE IF EXISTS "${schema}".outbox`];
}

export const outboxChannel = (schema: string): string => `outbox_${schema}`;
