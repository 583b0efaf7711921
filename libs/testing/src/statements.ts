import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * The SQL of every statement sent through TypeORM (any DataSource of this process) while `work`
 * runs, in order: for specs that count what a use case costs (e.g. one INSERT for a whole batch).
 */
export async function statementsOf(work: () => Promise<void>): Promise<string[]> {
  const spy = jest.spyOn(PostgresQueryRunner.prototype, 'query');
  try {
    await work();
    return spy.mock.calls.map((c) => String(c[0]));
  } finally {
    spy.mockRestore();
  }
}
