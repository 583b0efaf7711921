/** A DataSource or a transaction's EntityManager: anything that runs SQL. */
export interface Queryable {
  query<T = any>(sql: string, params?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export const SLA_SCHEMA = 'sla';
