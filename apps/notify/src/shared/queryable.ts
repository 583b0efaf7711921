/** A DataSource or a transaction's EntityManager: anything that runs SQL. */
export interface Queryable {
  query<T = any>(sql: string, params?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const NOTIFY_SCHEMA = 'notify';

/** NOTIFY channels: hints only, every loop that listens also polls. */
export const DELIVERIES_CHANNEL = 'notify_deliveries';
export const INAPP_CHANNEL = 'notify_inapp';
