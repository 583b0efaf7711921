import {
  MAX_PREPARED_PER_CONNECTION,
  mayPrepare,
  PREPARE_THRESHOLD,
  PREPARED,
  preparedName,
} from './preparing-client';

describe('which statements are prepared', () => {
  it('prepares writes and locking reads, never plain reads or what returns *', () => {
    expect(mayPrepare('INSERT INTO a.t (x) VALUES ($1)')).toBe(true);
    expect(mayPrepare('  update a.t SET x = $1 WHERE id = $2')).toBe(true);
    expect(mayPrepare('DELETE FROM a.t WHERE id = $1')).toBe(true);
    expect(
      mayPrepare('WITH appended AS (INSERT INTO a.outbox (id) VALUES ($1)) SELECT pg_notify($2, $3)'),
    ).toBe(true);
    expect(
      mayPrepare('SELECT "t"."id" AS "t_id" FROM "a"."t" "t" WHERE "t"."id" = $1 LIMIT 1 FOR UPDATE'),
    ).toBe(true);
    expect(mayPrepare('SELECT id FROM a.t WHERE id = $1 FOR NO KEY UPDATE')).toBe(true);

    expect(mayPrepare('SELECT id FROM a.t WHERE doc @@ $1::tsquery')).toBe(false);
    expect(mayPrepare(`${PREPARED}SELECT id, x FROM a.t WHERE id = ANY($1::uuid[])`)).toBe(true);
    expect(mayPrepare(`${PREPARED}SELECT s.* FROM a.t s WHERE id = $1`)).toBe(false);
    expect(mayPrepare('WITH w AS (SELECT id FROM a.t WHERE x = $1) SELECT * FROM w')).toBe(false);
    expect(mayPrepare('SELECT * FROM a.t WHERE id = $1 FOR UPDATE')).toBe(false);
    expect(mayPrepare('SELECT s.* FROM a.t s WHERE id = $1 FOR UPDATE')).toBe(false);
    expect(mayPrepare('INSERT INTO a.t (x) VALUES ($1) RETURNING *')).toBe(false);
    expect(mayPrepare('UPDATE a.t SET x = $1 RETURNING t.*')).toBe(false);
    // A subquery's * is not what the statement returns.
    expect(mayPrepare('DELETE FROM a.t WHERE (a, b) IN (SELECT * FROM unnest($1::text[], $2::text[]))')).toBe(
      true,
    );
    expect(mayPrepare('INSERT INTO a.t (x) SELECT * FROM unnest($1::text[])')).toBe(true);
  });

  it(`names a statement from its ${PREPARE_THRESHOLD}th run, the same name on every connection`, () => {
    const text = `INSERT INTO spec.threshold (x) VALUES ($1) -- ${Math.random()}`;
    const a: Record<string, string> = {};
    const names = Array.from({ length: PREPARE_THRESHOLD + 1 }, () => preparedName(text, a));
    expect(names.slice(0, PREPARE_THRESHOLD - 1)).toEqual(Array(PREPARE_THRESHOLD - 1).fill(undefined));
    const name = names[PREPARE_THRESHOLD - 1];
    expect(name).toMatch(/^s[0-9a-z]+$/);
    expect(names[PREPARE_THRESHOLD]).toBe(name);
    expect(preparedName(text, {})).toBe(name);
    expect(preparedName(`SELECT x FROM spec.threshold WHERE x = $1`, {})).toBeUndefined();
  });

  it('stops preparing new statements on a connection that holds the most, and keeps using those it has', () => {
    const full: Record<string, string> = {};
    for (let i = 0; i < MAX_PREPARED_PER_CONNECTION; i++) full[`other${i}`] = 'x';
    const text = `UPDATE spec.cap SET x = $1 -- ${Math.random()}`;
    for (let i = 0; i < PREPARE_THRESHOLD - 1; i++) preparedName(text, full);
    expect(preparedName(text, full)).toBeUndefined();
    const name = preparedName(text, {})!;
    expect(name).toBeDefined();
    full[name] = text;
    expect(preparedName(text, full)).toBe(name);
  });
});
