import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { departmentUpserted, TicketEvents } from '../../../../test/domain-events';
import { AppendToLedgerCommand } from '../../../chain/commands/append-to-ledger/append-to-ledger.command';
import { AppendToLedgerHandler } from '../../../chain/commands/append-to-ledger/append-to-ledger.handler';
import { InMemoryLedgerChainRepository } from '../../../chain/infrastructure/ledger-chain.in-memory-repository';
import { InMemoryLedgerProjectionRepository } from '../../infrastructure/ledger-projection.in-memory-repository';
import { RebuildProjectionsCommand } from './rebuild-projections.command';
import { RebuildProjectionsHandler } from './rebuild-projections.handler';

describe('RebuildProjectionsHandler', () => {
  let uow: InlineUnitOfWork;
  let chains: InMemoryLedgerChainRepository;
  let projections: InMemoryLedgerProjectionRepository;
  let handler: RebuildProjectionsHandler;
  const rebuild = () => handler.execute(RebuildProjectionsCommand.create({}));

  /** A chain written live, chunk by chunk, projected as it went. */
  beforeEach(async () => {
    uow = new InlineUnitOfWork();
    chains = new InMemoryLedgerChainRepository();
    projections = new InMemoryLedgerProjectionRepository();
    handler = new RebuildProjectionsHandler(uow, chains, projections);
    const live = new AppendToLedgerHandler(new InlineUnitOfWork(), chains, projections);
    const a = new TicketEvents('t-000001');
    const b = new TicketEvents('t-000002', undefined, 'finance');
    const chunks = [
      [departmentUpserted('dep-a', '人社局'), a.submitted(), b.submitted()],
      [a.after(1).assigned('dep-a'), a.deadlineSet('respond', 4), b.after(2).assigned('dep-a')],
      [
        a.after(1).acknowledged(),
        b.after(9).assigned('dep-b', 'transfer'),
        departmentUpserted('dep-a', '人社局（新）'),
      ],
      [a.deadlineSet('resolve', 72), a.after(20).resolved()],
    ];
    for (const events of chunks) await live.execute(AppendToLedgerCommand.create({ events }));
  });

  it('replays the whole chain, in seq order, into empty read models: the same facts and copies as live', async () => {
    const facts = new Map(projections.facts);
    const directory = new Map(projections.directory);
    projections.facts.set('t-stale', { ...facts.get('t-000001')!, ticketId: 't-stale' });

    const report = await rebuild();

    expect(uow.transactions).toBe(1);
    expect(projections.clears).toBe(1);
    expect(projections.facts).toEqual(facts);
    expect(projections.directory).toEqual(directory);
    expect(projections.directory.get('departments:dep-a')).toMatchObject({ name: '人社局（新）' });
    expect(projections.recomputed).toEqual(['all']);
    expect(report).toMatchObject({ entries: 11, tickets: 2, statsRows: 3 });
    expect(report.tookMs).toBeGreaterThanOrEqual(0);
  });

  it('holds the chain head while it replays, so no append lands in between', async () => {
    const locks = chains.locks;
    await rebuild();
    expect(chains.locks).toBe(locks + 1);
    expect(chains.saves).toBe(4); // the live chunks': a rebuild writes no entry
  });

  it('refuses a chain whose entries do not follow each other (a repeated seq): nothing is saved', async () => {
    chains.rows.push({ ...chains.rows[chains.rows.length - 1] });
    const saves = projections.saves;
    const refused = await rebuild().catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'conflict', details: { seq: 11, ticketId: 't-000001' } });
    expect(projections.saves).toBe(saves);
  });
});
