import { createEnvelope, EventEnvelope, Topics } from '@ticketing/contracts';
import { ChainVerifier } from './chain-verifier';
import { GENESIS_HEAD, LedgerChain, sealDay, SealingState } from './ledger-chain.aggregate';
import { entryHash, GENESIS_HASH, sealHash } from './ledger-entry';

const ticketEvent = (type: string, ticketId: string, payload: Record<string, unknown> = {}) =>
  createEnvelope({
    type,
    aggregateId: ticketId,
    aggregateVersion: 1,
    actor: { id: 'u-dep', role: 'department' },
    occurredAt: new Date('2026-03-02T01:00:00Z'),
    payload: { ticketId, leadDepartmentId: 'dep-a', ...payload },
  });

const NOW = new Date('2026-03-02T16:30:00Z'); // 00:30 on 3 March in China

const sealing = (over: Partial<SealingState> = {}): SealingState => ({
  day: sealDay(NOW),
  sealedToday: false,
  lastSeal: null,
  entryCount: 0,
  ...over,
});

describe('LedgerChain', () => {
  it('appends each event as the next entry, linked to the one before, from where the head is', () => {
    const chain = LedgerChain.forAppend({ seq: 7, hash: 'a'.repeat(64) }, []);
    const events = [ticketEvent('ticket.submitted', 't-1'), ticketEvent('ticket.assigned', 't-1')];
    const entries = chain.append(events, NOW);
    expect(entries.map((e) => [e.seq, e.eventId, e.type])).toEqual([
      [8, events[0].id, 'ticket.submitted'],
      [9, events[1].id, 'ticket.assigned'],
    ]);
    expect(entries[0].prevHash).toBe('a'.repeat(64));
    expect(entries[1].prevHash).toBe(entries[0].hash);
    for (const { hash, ...body } of entries) expect(entryHash(body)).toBe(hash);
    expect(chain.head).toEqual({ seq: 9, hash: entries[1].hash });
    expect(chain.appended).toEqual(entries);
  });

  it('a chain built from genesis verifies', () => {
    const chain = LedgerChain.forAppend(GENESIS_HEAD, []);
    const entries = chain.append(
      ['ticket.submitted', 'ticket.assigned', 'ticket.acknowledged'].map((t) => ticketEvent(t, 't-2')),
      NOW,
    );
    const verifier = new ChainVerifier([]);
    verifier.feed(entries);
    expect(verifier.finish(chain.head)).toMatchObject({ ok: true, checkedEntries: 3 });
  });

  it('holds each event once: one it has already, or one repeated in the batch, is not appended again', () => {
    const [a, b, c] = ['ticket.submitted', 'ticket.assigned', 'ticket.acknowledged'].map((t) =>
      ticketEvent(t, 't-3'),
    );
    const chain = LedgerChain.forAppend({ seq: 1, hash: 'b'.repeat(64) }, [a.id.toUpperCase()]);
    const entries = chain.append([a, b, b, c], NOW);
    expect(entries.map((e) => [e.seq, e.eventId])).toEqual([
      [2, b.id],
      [3, c.id],
    ]);
    expect(chain.append([c], NOW)).toEqual([]);
  });

  it('keeps the envelope as it came, and names the topic, ticket and department the chain indexes', () => {
    const event = {
      ...ticketEvent('ticket.resolved', 't-4', { departmentId: 'dep-b', result: '已办结' }),
      causationId: 'cause-1',
    };
    const [entry] = LedgerChain.forAppend(GENESIS_HEAD, []).append([event], NOW);
    expect(entry).toMatchObject({
      topic: Topics.Ticket,
      ticketId: 't-4',
      departmentId: 'dep-b',
      eventVersion: 1,
      aggregateId: 't-4',
      correlationId: event.correlationId,
      causationId: 'cause-1',
      actorId: 'u-dep',
      actorRole: 'department',
      occurredAt: '2026-03-02T01:00:00.000Z',
      recordedAt: NOW.toISOString(),
      payload: event.payload,
    });
    const department: EventEnvelope<object> = createEnvelope({
      type: 'directory.department-upserted',
      aggregateId: 'dep-c',
      aggregateVersion: 1,
      actor: { id: 'u-admin', role: 'admin' },
      payload: { id: 'dep-c', code: 'tax', name: '税务局', nameEn: null, active: true },
    });
    const [dir] = LedgerChain.forAppend(GENESIS_HEAD, []).append([department], NOW);
    expect(dir).toMatchObject({ topic: Topics.Directory, ticketId: null, departmentId: 'dep-c' });
  });

  it('seals the head, with the entries counted, linked to the seal before', () => {
    const head = { seq: 12, hash: 'c'.repeat(64) };
    const chain = LedgerChain.forSeal(
      head,
      sealing({ entryCount: 11, lastSeal: { sealNo: 3, sealHash: 'd'.repeat(64) } }),
    );
    const seal = chain.seal('on_demand', NOW)!;
    expect(seal).toMatchObject({
      sealNo: 4,
      reason: 'on_demand',
      sealedOn: '2026-03-03',
      sealedAt: NOW.toISOString(),
      lastSeq: 12,
      lastHash: 'c'.repeat(64),
      entryCount: 11,
      prevSealHash: 'd'.repeat(64),
    });
    const { reason: _r, sealedOn: _o, sealHash: hash, ...body } = seal;
    expect(sealHash(body)).toBe(hash);
    expect(chain.sealed).toBe(seal);
  });

  it('the first seal links to genesis', () => {
    const seal = LedgerChain.forSeal(GENESIS_HEAD, sealing()).seal('daily', NOW)!;
    expect(seal).toMatchObject({ sealNo: 1, prevSealHash: GENESIS_HASH, lastSeq: 0 });
  });

  it('seals once a day when asked daily, and whenever asked on demand', () => {
    const sealed = () =>
      LedgerChain.forSeal({ seq: 5, hash: 'e'.repeat(64) }, sealing({ sealedToday: true }));
    const daily = sealed();
    expect(daily.seal('daily', NOW)).toBeNull();
    expect(daily.sealed).toBeNull();
    expect(sealed().seal('on_demand', NOW)).toMatchObject({ reason: 'on_demand', lastSeq: 5 });
  });

  it('refuses to seal a chain not loaded for sealing, or for another day', () => {
    expect(() => LedgerChain.forAppend(GENESIS_HEAD, []).seal('on_demand', NOW)).toThrow(/forSeal/);
    const tomorrow = new Date(NOW.getTime() + 86_400_000);
    expect(() => LedgerChain.forSeal(GENESIS_HEAD, sealing()).seal('daily', tomorrow)).toThrow(
      /2026-03-03, not 2026-03-04/,
    );
  });
});
