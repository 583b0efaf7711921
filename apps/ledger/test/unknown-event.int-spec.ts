import { createEnvelope, deadLetterTopic, Topics } from '@ticketing/contracts';
import { DLQ_HEADERS, IncomingMessage } from '@ticketing/messaging';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually } from '@ticketing/testing';
import { Client } from 'pg';
import { api, DEP_A, Lifecycle, startLedger, users } from './ledger-test-kit';

/**
 * Other consumers skip an event type their build does not know. The ledger must not: a chain with
 * a silently missing event cannot be told from one an event was removed from. It dead-letters the
 * event instead (it can be replayed once the ledger knows its type) and chains the rest.
 */
describe('ledger consumer: an event type the catalogue does not know', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let c: Client;
  const dead: IncomingMessage[] = [];

  beforeAll(async () => {
    db = await createTestDatabase('ledger_unknown');
    running = await startLedger(db.url);
    c = new Client({ connectionString: db.url });
    await c.connect();
    await running.runtime.transport.subscribe({
      groupId: 'ledger-test.dead-letters',
      topics: [deadLetterTopic(Topics.Ticket)],
      handle: async (m) => void dead.push(m),
    });
  });

  afterAll(async () => {
    await c?.end();
    await running?.close();
    await db?.drop();
  });

  it('is dead-lettered at once, not skipped, and the events around it are chained', async () => {
    const life = new Lifecycle({ ticketId: 't-unknown-01' }, new Date('2026-03-02T01:00:00Z')).submit();
    const unknown = createEnvelope({
      type: 'ticket.teleported',
      aggregateId: 't-unknown-01',
      aggregateVersion: 99,
      actor: { id: 'u-x', role: 'committee' },
      payload: { ticketId: 't-unknown-01' },
    });
    life.after(1).assign(DEP_A);
    const events = [life.events[0], unknown, ...life.events.slice(1)];
    await running.runtime.transport.publish(
      events.map((e) => ({ topic: Topics.Ticket, key: e.aggregateId, value: JSON.stringify(e) })),
    );
    const chained = life.events.map((e) => e.id).sort();

    expect(await eventually(() => dead.length > 0, 10_000)).toBe(true);
    expect(JSON.parse(dead[0].value.toString()).id).toBe(unknown.id);
    expect(dead[0].headers).toMatchObject({
      [DLQ_HEADERS.group]: 'ledger.ledger',
      [DLQ_HEADERS.attempts]: '1',
      [DLQ_HEADERS.error]: expect.stringContaining('ticket.teleported: not in the event catalogue'),
    });
    const { rows } = await c.query(`SELECT event_id::text AS id FROM ledger.entries ORDER BY event_id`);
    expect(rows.map((r) => r.id)).toEqual(chained);
    expect((await api(running, 'GET', '/api/v1/ledger/verify', users.admin)).body).toMatchObject({
      ok: true,
    });
  });
});
