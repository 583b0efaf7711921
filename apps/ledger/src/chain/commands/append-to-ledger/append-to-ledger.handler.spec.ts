import { DomainError, DomainEvent } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { departmentUpserted, TicketEvents } from '../../../../test/domain-events';
import { InMemoryLedgerProjectionRepository } from '../../../projections/infrastructure/ledger-projection.in-memory-repository';
import { ChainVerifier } from '../../domain/chain-verifier';
import { InMemoryLedgerChainRepository } from '../../infrastructure/ledger-chain.in-memory-repository';
import { AppendToLedgerCommand } from './append-to-ledger.command';
import { AppendToLedgerHandler } from './append-to-ledger.handler';

describe('AppendToLedgerHandler', () => {
  let uow: InlineUnitOfWork;
  let chains: InMemoryLedgerChainRepository;
  let projections: InMemoryLedgerProjectionRepository;
  let handler: AppendToLedgerHandler;
  const append = (events: DomainEvent[]) => handler.execute(AppendToLedgerCommand.create({ events }));

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    chains = new InMemoryLedgerChainRepository();
    projections = new InMemoryLedgerProjectionRepository();
    handler = new AppendToLedgerHandler(uow, chains, projections);
  });

  it('chains a chunk in delivery order and folds it into the read models, in one unit of work', async () => {
    const t = new TicketEvents('t-000001');
    const events = [
      departmentUpserted('dep-a', '人社局'),
      t.submitted(),
      t.after(1).assigned('dep-a'),
      t.deadlineSet('respond', 4),
      t.after(1).acknowledged(),
    ];
    const entries = await append(events);

    expect(uow.transactions).toBe(1);
    expect(entries.map((e) => [e.seq, e.eventId])).toEqual(events.map((e, i) => [i + 1, e.id]));
    expect(chains.rows).toEqual(entries);
    expect(chains.head).toEqual({ seq: 5, hash: entries[4].hash });
    const verifier = new ChainVerifier([]);
    verifier.feed(chains.rows);
    expect(verifier.finish(chains.head).ok).toBe(true);

    expect(projections.facts.get('t-000001')).toMatchObject({
      status: 'in_progress',
      departmentId: 'dep-a',
      acknowledgedAt: '2026-03-02T03:00:00.000Z',
      lastSeq: 5,
    });
    expect(projections.directory.get('departments:dep-a')).toMatchObject({ name: '人社局' });
    expect(projections.recomputed).toHaveLength(1);
    const [keys] = projections.recomputed;
    expect(
      keys === 'all'
        ? keys
        : new Set(keys.map((k) => `${k.departmentId}|${k.category}|${k.gridId}|${k.month}`)),
    ).toEqual(new Set(['dep-a|labour|grid-1|2026-03']));
  });

  it('continues the chain where it ends, and folds over the facts it has', async () => {
    const t = new TicketEvents('t-000002');
    await append([t.submitted(), t.after(1).assigned('dep-a')]);
    const [next] = await append([t.after(1).acknowledged()]);
    expect(next.seq).toBe(3);
    expect(next.prevHash).toBe(chains.rows[1].hash);
    expect(projections.facts.get('t-000002')).toMatchObject({ status: 'in_progress', lastSeq: 3 });
  });

  it('holds each event once: a redelivered chunk appends and folds only what is new', async () => {
    const t = new TicketEvents('t-000003');
    const first = [t.submitted(), t.after(1).assigned('dep-a')];
    await append(first);
    const saves = chains.saves;
    expect(await append(first)).toEqual([]);
    expect(chains.saves).toBe(saves);
    expect(projections.saves).toBe(1);

    const ack = t.after(1).acknowledged();
    const appended = await append([first[1], ack, ack]);
    expect(appended.map((e) => [e.seq, e.eventId])).toEqual([[3, ack.id]]);
    expect(chains.rows).toHaveLength(3);
  });

  it('records the events themselves, as they came: the ledger publishes nothing of its own', async () => {
    const t = new TicketEvents('t-000004');
    const submitted = t.submitted();
    const [entry] = await append([submitted]);
    expect(entry).toMatchObject({
      eventId: submitted.id,
      type: 'ticket.submitted',
      aggregateVersion: submitted.aggregateVersion,
      correlationId: submitted.correlationId,
      occurredAt: submitted.occurredAt,
      payload: submitted.payload,
    });
  });

  it('refuses an event the catalogue does not know: nothing is chained', async () => {
    const t = new TicketEvents('t-000005');
    // A type from a build that knows more events than this one (say, a new service's).
    const unknown: DomainEvent = Object.assign(t.submitted(), { type: 'meeting.decision-recorded' });
    const refused = (() => {
      try {
        return AppendToLedgerCommand.create({ events: [t.submitted(), unknown] });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'validation', details: { errors: [{ field: 'events' }] } });
    expect(() => AppendToLedgerCommand.create({ events: [] })).toThrow(DomainError);
    expect(chains.rows).toEqual([]);
    expect(uow.transactions).toBe(0);
  });
});
