import { CommandBus } from '@nestjs/cqrs';
import { getDataSourceToken } from '@nestjs/typeorm';
import { EventEnvelope } from '@ticketing/contracts';
import { EventConsumers, IncomingMessage, MessageTransport, SubscribeOptions } from '@ticketing/messaging';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { Client, Notification } from 'pg';
import { DataSource } from 'typeorm';
import { LedgerEventsConsumer, topicOf } from '../src/chain/consumers/ledger-events.consumer';
import { LedgerChainRepository } from '../src/chain/domain/ledger-chain.repository';
import { LEDGER_NOTIFY_CHANNEL } from '../src/chain/infrastructure/ledger-chain.typeorm-repository';
import {
  api,
  DEP_A,
  DEP_B,
  deliver,
  directoryEvent,
  Lifecycle,
  snapshot,
  startLedger,
  users,
} from './ledger-test-kit';

type Event = EventEnvelope<Record<string, unknown>>;

const T0 = new Date('2026-03-02T01:00:00Z');

/** Round-robin: the tickets' events interleaved, each ticket's in its own order. */
function interleave(lists: Event[][]): Event[] {
  const out: Event[] = [];
  for (let i = 0; lists.some((l) => i < l.length); i++)
    for (const l of lists) if (i < l.length) out.push(l[i]);
  return out;
}

const message = (e: Event, offset: number): IncomingMessage => ({
  topic: topicOf(e.type),
  partition: 0,
  offset: String(offset),
  key: e.aggregateId,
  value: JSON.stringify(e),
  headers: {},
});

describe('ledger: a delivered chunk is appended and projected at once', () => {
  let db: { url: string; drop: () => Promise<void> };
  let running: RunningService;
  let c: Client;
  let listener: Client;
  const notices: Notification[] = [];
  /** The ledger consumer's handleBatch, as the transport calls it with one delivered chunk. */
  let handleBatch: (messages: IncomingMessage[]) => Promise<void>;

  beforeAll(async () => {
    db = await createTestDatabase('ledger_chunk');
    running = await startLedger(db.url);
    c = new Client({ connectionString: db.url });
    await c.connect();
    listener = new Client({ connectionString: db.url });
    await listener.connect();
    listener.on('notification', (n) => notices.push(n));
    await listener.query(`LISTEN ${LEDGER_NOTIFY_CHANNEL}`);
    // The real consumer, registered on a transport that hands us its subscription, so that the
    // test decides exactly what one chunk holds; same group, so it shares the live inbox.
    const ds = running.app.get<DataSource>(getDataSourceToken('ledger'));
    const transport = {
      subscribe: async (o: SubscribeOptions) => {
        handleBatch = (ms) => o.handleBatch!(ms);
        return { close: async () => undefined };
      },
    } as unknown as MessageTransport;
    const consumer = new LedgerEventsConsumer(
      new EventConsumers('ledger', 'ledger', ds, transport, 3),
      running.app.get(CommandBus),
    );
    await consumer.onModuleInit();
  });

  afterAll(async () => {
    await listener?.end();
    await c?.end();
    await running?.close();
    await db?.drop();
  });

  it('duplicates once, tickets interleaved in order, directory events: chain verifies, seq gapless, facts equal a rebuild', async () => {
    const a = new Lifecycle({ ticketId: 't-chunk-a', lead: null }, T0)
      .submit()
      .after(1)
      .assign(DEP_A)
      .after(1)
      .acknowledge()
      .after(20)
      .resolve()
      .reply()
      .after(2)
      .feedback('satisfied', true)
      .close('feedback');
    const b = new Lifecycle({ ticketId: 't-chunk-b', lead: null, category: 'finance', gridId: 'grid-2' }, T0)
      .submit()
      .after(2)
      .assign(DEP_A)
      .after(1)
      .warn('respond')
      .after(5)
      .breach('respond')
      .after(1)
      .assign(DEP_B, 'transfer')
      .after(1)
      .acknowledge();
    const cc = new Lifecycle({ ticketId: 't-chunk-c', lead: null, coHandlers: [DEP_B] }, T0)
      .submit()
      .after(1)
      .assign(DEP_B)
      .after(3)
      .acknowledge()
      .after(40)
      .resolve();
    const directory = [
      directoryEvent('directory.department-upserted', {
        id: DEP_A,
        code: 'hrss',
        name: '人社局',
        nameEn: 'HRSS',
        active: true,
      }),
      directoryEvent('directory.grid-upserted', {
        id: 'grid-1',
        code: 'G1',
        name: '第一网格',
        instructorUserIds: [],
      }),
      directoryEvent('directory.enterprise-upserted', {
        id: 'ent-1',
        name: '六枝宏达机械有限公司',
        creditCode: 'X',
        gridId: 'grid-1',
        contacts: [],
        active: true,
      }),
    ];

    // Before the chunk: ticket a's first event, through the ordinary live path.
    await deliver(running, [a.events[0]]);
    for (let i = 0; i < 50 && !notices.length; i++) await new Promise((r) => setTimeout(r, 20));
    const chains = running.app.get(LedgerChainRepository);
    const lock = jest.spyOn(chains, 'lockForAppend');
    const save = jest.spyOn(chains, 'save');

    const mixed = interleave([a.events, b.events, cc.events]);
    const chunk: Event[] = [
      ...mixed.slice(0, 5),
      directory[0],
      ...mixed.slice(5, 20),
      directory[1],
      mixed[7] /* repeated in the chunk */,
      ...mixed.slice(20),
      directory[2],
    ];
    expect(chunk.length).toBeLessThanOrEqual(100);
    notices.length = 0;
    await handleBatch(chunk.map(message));

    // One append for the whole chunk (one head lock, one save), of the events not seen before, in delivery order.
    expect(lock).toHaveBeenCalledTimes(1);
    expect(save).toHaveBeenCalledTimes(1);
    const unique = [...new Map(chunk.map((e) => [e.id, e])).values()].filter((e) => e.id !== a.events[0].id);
    expect(lock.mock.calls[0][0]).toEqual(unique.map((e) => e.id));
    expect(save.mock.calls[0][0].appended.map((e) => e.eventId)).toEqual(unique.map((e) => e.id));
    lock.mockRestore();
    save.mockRestore();

    const all = [a.events[0], ...unique];
    const { rows } = await c.query(`SELECT seq::int, event_id::text AS id FROM ledger.entries ORDER BY seq`);
    expect(rows.map((r) => r.seq)).toEqual(all.map((_, i) => i + 1)); // gapless
    expect(rows.map((r) => r.id)).toEqual(all.map((e) => e.id)); // each event once, in delivery order
    expect((await c.query(`SELECT seq::int FROM ledger.chain_head`)).rows[0].seq).toBe(all.length);

    // One notice per entry, in seq order, with the payload the live stream reads.
    for (let i = 0; i < 100 && notices.length < unique.length; i++)
      await new Promise((r) => setTimeout(r, 20));
    const payloads = notices
      .filter((n) => n.channel === LEDGER_NOTIFY_CHANNEL)
      .map((n) => JSON.parse(n.payload!));
    expect(payloads.map((p) => p.seq)).toEqual(unique.map((_, i) => i + 2));
    const [first] = payloads;
    expect(Object.keys(first)).toEqual(['seq', 'type', 'topic', 'ticketId', 'departmentId', 'occurredAt']);
    expect(first).toEqual({
      seq: 2,
      type: unique[0].type,
      topic: topicOf(unique[0].type),
      ticketId: unique[0].aggregateId,
      departmentId: null,
      occurredAt: unique[0].occurredAt,
    });

    // The same chunk again (a redelivery): nothing appended, nothing changed.
    const live = await snapshot(c);
    await handleBatch(chunk.map(message));
    expect((await c.query(`SELECT count(*)::int AS n FROM ledger.entries`)).rows[0].n).toBe(all.length);
    expect(await snapshot(c)).toEqual(live);

    expect(live.ticket_facts).toHaveLength(3);
    expect(live.departments).toHaveLength(1);
    expect(live.grids).toHaveLength(1);
    expect(live.enterprises).toHaveLength(1);
    const facts = (
      await c.query(
        `SELECT ticket_id, status, department_id, transfer_count FROM ledger.ticket_facts ORDER BY ticket_id`,
      )
    ).rows;
    expect(facts).toEqual([
      { ticket_id: 't-chunk-a', status: 'closed', department_id: DEP_A, transfer_count: 0 },
      {
        ticket_id: 't-chunk-b',
        status: 'in_progress',
        department_id: DEP_B,
        transfer_count: expect.any(Number),
      },
      { ticket_id: 't-chunk-c', status: 'resolved', department_id: DEP_B, transfer_count: 0 },
    ]);

    expect((await api(running, 'GET', '/api/v1/ledger/verify', users.admin)).body).toMatchObject({
      ok: true,
      checkedEntries: all.length,
    });
    const rebuilt = await api(running, 'POST', '/api/v1/ledger/projections/rebuild', users.admin);
    expect(rebuilt.body).toMatchObject({ entries: all.length, tickets: 3 });
    expect(await snapshot(c)).toEqual(live);
  });
});
