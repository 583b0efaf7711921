import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { TicketEvents } from '../../../../test/domain-events';
import { ChainVerifier } from '../../domain/chain-verifier';
import { sealDay } from '../../domain/ledger-chain.aggregate';
import { sealHash } from '../../domain/ledger-entry';
import { InMemoryLedgerChainRepository } from '../../infrastructure/ledger-chain.in-memory-repository';
import { SealChainCommand } from './seal-chain.command';
import { SealChainHandler } from './seal-chain.handler';

describe('SealChainHandler', () => {
  let uow: InlineUnitOfWork;
  let chains: InMemoryLedgerChainRepository;
  let handler: SealChainHandler;
  const seal = (reason: 'daily' | 'on_demand') => handler.execute(SealChainCommand.create({ reason }));

  /** Entries appended the way the append handler does, straight through the repository. */
  const appendEntries = async (n: number) => {
    const t = new TicketEvents(`t-${String(chains.rows.length).padStart(6, '0')}`);
    const chain = await chains.lockForAppend([]);
    chain.append(
      Array.from({ length: n }, (_, i) => (i === 0 ? t.submitted() : t.after(1).acknowledged())),
      new Date(),
    );
    await chains.save(chain);
  };

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    chains = new InMemoryLedgerChainRepository();
    handler = new SealChainHandler(uow, chains);
  });

  it('records the head, how many entries there are, and links to the seal before; the chain verifies with them', async () => {
    await appendEntries(3);
    const first = (await seal('on_demand'))!;
    await appendEntries(2);
    const second = (await seal('on_demand'))!;

    expect(uow.transactions).toBe(2);
    expect(first).toMatchObject({ sealNo: 1, reason: 'on_demand', lastSeq: 3, entryCount: 3 });
    expect(second).toMatchObject({
      sealNo: 2,
      lastSeq: 5,
      lastHash: chains.head.hash,
      entryCount: 5,
      prevSealHash: first.sealHash,
      sealedOn: sealDay(new Date(second.sealedAt)),
    });
    const { reason: _r, sealedOn: _o, sealHash: hash, ...body } = second;
    expect(sealHash(body)).toBe(hash);
    expect(chains.seals).toEqual([first, second]);

    const verifier = new ChainVerifier(chains.seals);
    verifier.feed(chains.rows);
    expect(verifier.finish(chains.head)).toMatchObject({ ok: true, checkedSeals: 2 });
  });

  it('counts the entries it finds: a missing one shows in the seal and the chain no longer verifies', async () => {
    await appendEntries(4);
    chains.rows.splice(1, 1);
    const made = (await seal('on_demand'))!;
    expect(made).toMatchObject({ lastSeq: 4, entryCount: 3 });
    const verifier = new ChainVerifier(chains.seals);
    verifier.feed(chains.rows);
    expect(verifier.finish(chains.head).firstBroken).toMatchObject({ seq: 2, problem: 'missing_seq' });
  });

  it('a daily seal is made once a day: asked again, it saves nothing and says so with null', async () => {
    await appendEntries(2);
    expect(await seal('daily')).toMatchObject({ sealNo: 1, reason: 'daily' });
    await appendEntries(1);
    const saves = chains.saves;
    expect(await seal('daily')).toBeNull();
    expect(chains.saves).toBe(saves);
    expect(chains.seals).toHaveLength(1);
    // The committee may still seal on demand the same day.
    expect(await seal('on_demand')).toMatchObject({ sealNo: 2, reason: 'on_demand', lastSeq: 3 });
  });

  it('refuses a reason it does not know, before any unit of work', () => {
    const refused = (() => {
      try {
        return SealChainCommand.create({ reason: 'weekly' as 'daily' });
      } catch (e) {
        return e;
      }
    })();
    expect(refused).toBeInstanceOf(DomainError);
    expect(refused).toMatchObject({ code: 'validation', details: { errors: [{ field: 'reason' }] } });
    expect(uow.transactions).toBe(0);
    expect(chains.seals).toEqual([]);
  });

  it('an empty chain can be sealed: the seal says nothing was appended yet', async () => {
    expect(await seal('on_demand')).toMatchObject({ sealNo: 1, lastSeq: 0, entryCount: 0 });
  });
});
