/** A DataSource or a transaction's EntityManager: anything that runs SQL. */
export interface Queryable {
  query<T = any>(sql: string, params?: unknown[]): Promise<T>; // eslint-disable-line @typescript-eslint/no-explicit-any
}

/**
 * The rows of an UPDATE or DELETE … RETURNING. TypeORM answers those with [rows, rowCount]
 * instead of the rows, unlike SELECT and INSERT.
 */
export async function mutate<T = unknown>(q: Queryable, sql: string, params: unknown[] = []): Promise<T[]> {
  const result = await q.query(sql, params);
  return Array.isArray(result) &&
    result.length === 2 &&
    Array.isArray(result[0]) &&
    typeof result[1] === 'number'
    ? result[0]
    : result;
}
