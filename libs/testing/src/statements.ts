import { PipeliningClient } from '@ticketing/database';
import { PostgresQueryRunner } from 'typeorm/driver/postgres/PostgresQueryRunner';

/**
 * The SQL of every statement sent through TypeORM (any DataSource of this process) or sent behind
 * (writeBehind) while `work` runs, in the order they were issued: for specs that count what a use
 * case costs (e.g. one INSERT for a whole batch).
 */
export async function statementsOf(work: () => Promise<void>): Promise<string[]> {
  const spies = [
    jest.spyOn(PostgresQueryRunner.prototype, 'query'),
    jest.spyOn(PipeliningClient.prototype, 'sendBehind'),
  ];
  try {
    await work();
    return spies
      .flatMap((spy) =>
        spy.mock.calls.map((c, i) => ({ sql: String(c[0]), order: spy.mock.invocationCallOrder[i] })),
      )
      .sort((a, b) => a.order - b.order)
      .map((c) => c.sql);
  } finally {
    spies.forEach((spy) => spy.mockRestore());
  }
}

/**
 * The statements, with each one written by writeTogether or writeBehind (`WITH w0 AS (…), w1 AS (…) SELECT …`)
 * split into the statements it holds, in order, and any other left as it is: for specs that look
 * for the writes to one table.
 */
export function statementParts(statements: string[]): string[] {
  return statements.flatMap((sql) => {
    if (!/^WITH w0 AS \(/.test(sql)) return [sql];
    const parts: string[] = [];
    const start = /(?:WITH|,) w\d+ AS \(/g;
    const marks = [...sql.matchAll(start)].map((m) => ({ at: m.index!, body: m.index! + m[0].length }));
    marks.forEach((m, i) => {
      const end = i + 1 < marks.length ? marks[i + 1].at : sql.lastIndexOf(') SELECT ');
      parts.push(sql.slice(m.body, end).replace(/\s*RETURNING 1\)?\s*$/, ''));
    });
    return parts;
  });
}
