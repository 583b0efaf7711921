import { isTransientError } from './transient-error';

describe('isTransientError', () => {
  it.each([
    [
      'a refused connection',
      Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' }),
    ],
    [
      'an admin shutdown',
      Object.assign(new Error('terminating connection due to administrator command'), { code: '57P01' }),
    ],
    [
      'a database starting up',
      Object.assign(new Error('the database system is starting up'), { code: '57P03' }),
    ],
    ['a connection exception class 08', Object.assign(new Error('x'), { code: '08006' })],
    ['a deadlock', Object.assign(new Error('deadlock detected'), { code: '40P01' })],
    ['a dropped connection', new Error('Connection terminated unexpectedly')],
    ['a pool timeout', new Error('timeout exceeded when trying to connect')],
    [
      'a TypeORM-wrapped driver error',
      Object.assign(new Error('query failed'), { driverError: { code: '57P01' } }),
    ],
    [
      'a statement after TypeORM released the failed connection of its transaction',
      Object.assign(
        new Error(
          'Database connection provided by a query runner was already released, cannot continue to use its querying methods anymore.',
        ),
        { name: 'QueryRunnerProviderAlreadyReleasedError' },
      ),
    ],
    ['an AggregateError of refusals', Object.assign(new Error(''), { errors: [{ code: 'ECONNREFUSED' }] })],
  ])('retries %s without limit', (_name, error) => {
    expect(isTransientError(error)).toBe(true);
  });

  it.each([
    ['a handler bug', new TypeError("Cannot read properties of undefined (reading 'id')")],
    ['a constraint violation', Object.assign(new Error('duplicate key'), { code: '23505' })],
    ['a domain refusal', new Error('cannot acknowledge a closed ticket')],
    ['nothing', undefined],
  ])('counts %s towards dead-lettering', (_name, error) => {
    expect(isTransientError(error)).toBe(false);
  });
});
