/**
 * The tables each service keeps for ended sessions (see SessionRevocationFeed) and for the stream
 * tickets it took (see StreamTickets): a committed migration of every service runs these.
 * `session_id` '' = every session of the user.
 */
export function createSessionRevocationSql(schema: string): string[] {
  return [
    `CREATE TABLE "${schema}".session_revocations (
       user_id text NOT NULL,
       session_id text NOT NULL DEFAULT '',
       revoked_at timestamptz NOT NULL,
       reason text NOT NULL,
       recorded_at timestamptz NOT NULL DEFAULT clock_timestamp(),
       PRIMARY KEY (user_id, session_id)
     )`,
    `CREATE INDEX session_revocations_recorded_at ON "${schema}".session_revocations (recorded_at)`,
    // One row per stream ticket taken: the primary key is what makes a ticket work once, whichever
    // instance of the service it is shown to. Rows go once the ticket has expired.
    `CREATE TABLE "${schema}".stream_ticket_redemptions (
       ticket_id text PRIMARY KEY,
       expires_at timestamptz NOT NULL
     )`,
  ];
}

export const dropSessionRevocationSql = (schema: string): string[] => [
  `DROP TABLE IF EXISTS "${schema}".stream_ticket_redemptions`,
  `DROP TABLE IF EXISTS "${schema}".session_revocations`,
];

export const sessionRevocationChannel = (schema: string): string => `${schema}_sessions_revoked`;
