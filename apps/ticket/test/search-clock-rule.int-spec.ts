import { openServiceDataSource } from '@ticketing/database';
import { createTestDatabase } from '@ticketing/testing';
import { DataSource } from 'typeorm';
import { ticketMigrations } from '../src/migrations';

/**
 * Migration 1766200000000: the clock facet and the clock index follow the status and the red card
 * instead of the deadlines. Up rewrites the facets of existing rows by the new rule, down by the
 * old one, and the deadlines' trigger follows whichever rule is in force.
 */
describe('search clock rule (migration 1766200000000)', () => {
  let db: { url: string; drop: () => Promise<void> };
  let ds: DataSource;
  const ids = {
    open: '00000000-0000-4000-8000-000000000001', // assigned, no deadline yet
    due: '00000000-0000-4000-8000-000000000002', // in progress, resolve deadline set
    closed: '00000000-0000-4000-8000-000000000003', // closed, nothing running
  };

  const facets = async () =>
    Object.fromEntries(
      (
        (await ds.query(
          `SELECT id, doc @@ '''~k'''::tsquery AS k FROM ticket.ticket_search ORDER BY id`,
        )) as { id: string; k: boolean }[]
      ).map((r) => [Object.entries(ids).find(([, v]) => v === r.id)![0], r.k]),
    );
  const predicate = async () =>
    (
      (await ds.query(
        `SELECT pg_get_expr(i.indpred, i.indrelid) AS p FROM pg_index i
        WHERE i.indexrelid = 'ticket.ticket_search_clock_idx'::regclass`,
      )) as { p: string }[]
    )[0].p;

  beforeAll(async () => {
    db = await createTestDatabase('ticket_clock_rule');
    ds = await openServiceDataSource({
      url: db.url,
      schema: 'ticket',
      entities: [],
      migrations: ticketMigrations,
    });
    const row = (id: string, status: string) =>
      ds.query(
        `INSERT INTO ticket.tickets (id, number, enterprise_id, enterprise_name, submitted_by_id, submitted_by_role, title,
                                     description, category, urgency, contact_name, contact_phone, status, version,
                                     submitted_at, updated_at)
         VALUES ($1, $2, 'e1', '甲', 'u1', 'enterprise', '停水', '停水', 'utilities', 'normal', '张三', '13800000000', $3, 1,
                 now(), now())`,
        [id, `CS-2026-${id.slice(-6)}`, status],
      );
    await row(ids.open, 'assigned');
    await row(ids.due, 'in_progress');
    await row(ids.closed, 'closed');
    // As a save writes them: the clock facet with a status that runs a clock.
    for (const [id, status, doc] of [
      [ids.open, 'assigned', `停水 '~k'`],
      [ids.due, 'in_progress', `停水 '~k'`],
      [ids.closed, 'closed', '停水'],
    ])
      await ds.query(
        `INSERT INTO ticket.ticket_search (id, number, enterprise_id, category, status, channel, submitted_at, doc, indexed_at)
         VALUES ($1::uuid, $1::text, 'e1', 'utilities', $2, 'web', now(), $3::tsvector, now())`,
        [id, status, doc],
      );
    await ds.query(
      `INSERT INTO ticket.ticket_deadlines (ticket_id, resolve_due_at, flags, updated_at) VALUES ($1, now(), '{}', now())`,
      [ids.due],
    );
  });

  afterAll(async () => {
    await ds?.destroy();
    await db?.drop();
  });

  it('puts the facet on what can be late by its status, and keeps the document when a deadline moves', async () => {
    expect(await facets()).toEqual({ open: true, due: true, closed: false });
    expect(await predicate()).toContain('status');

    // Down: the old rule (a deadline or a red card).
    await ds.undoLastMigration({ transaction: 'each' });
    expect(await facets()).toEqual({ open: false, due: true, closed: false });
    expect(await predicate()).toContain('clock_resolve_due_at');
    await ds.query(`UPDATE ticket.ticket_deadlines SET resolve_due_at = NULL WHERE ticket_id = $1`, [
      ids.due,
    ]);
    expect(await facets()).toEqual({ open: false, due: false, closed: false });

    // Up again: the facet by the status; a deadline set or moved leaves the document alone.
    await ds.runMigrations({ transaction: 'each' });
    expect(await facets()).toEqual({ open: true, due: true, closed: false });
    expect(await predicate()).toContain('status');
    const doc = async () =>
      (
        (await ds.query(`SELECT doc::text AS d FROM ticket.ticket_search WHERE id = $1`, [ids.due])) as {
          d: string;
        }[]
      )[0].d;
    const before = await doc();
    await ds.query(
      `UPDATE ticket.ticket_deadlines SET resolve_due_at = now() + interval '1 day' WHERE ticket_id = $1`,
      [ids.due],
    );
    expect(await doc()).toBe(before);
    // A red card on a closed ticket: it can be late whatever its status, until the card goes.
    await ds.query(
      `INSERT INTO ticket.ticket_deadlines (ticket_id, flags, updated_at) VALUES ($1, '{"resolve": "red"}', now())`,
      [ids.closed],
    );
    expect(await facets()).toEqual({ open: true, due: true, closed: true });
    await ds.query(`UPDATE ticket.ticket_deadlines SET flags = '{}' WHERE ticket_id = $1`, [ids.closed]);
    expect(await facets()).toEqual({ open: true, due: true, closed: false });
  });
});
