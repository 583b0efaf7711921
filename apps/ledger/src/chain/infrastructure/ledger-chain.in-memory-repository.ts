import { ChainHead, GENESIS_HEAD, LedgerChain, Seal } from '../domain/ledger-chain.aggregate';
import { LedgerChainRepository } from '../domain/ledger-chain.repository';
import { HashedLedgerEntry } from '../domain/ledger-entry';

/** The chain in memory, for handler specs: what was saved is what the tables would hold. */
export class InMemoryLedgerChainRepository extends LedgerChainRepository {
  readonly rows: HashedLedgerEntry[] = [];
  readonly seals: Seal[] = [];
  head: ChainHead = GENESIS_HEAD;
  saves = 0;
  locks = 0;

  async lockForAppend(eventIds: readonly string[]): Promise<LedgerChain> {
    this.locks++;
    const wanted = new Set(eventIds.map((id) => id.toLowerCase()));
    const known = this.rows.map((e) => e.eventId.toLowerCase()).filter((id) => wanted.has(id));
    return LedgerChain.forAppend(this.head, known);
  }

  async lockForSeal(day: string): Promise<LedgerChain> {
    this.locks++;
    const last = this.seals[this.seals.length - 1];
    return LedgerChain.forSeal(this.head, {
      day,
      sealedToday: this.seals.some((s) => s.reason === 'daily' && s.sealedOn === day),
      lastSeal: last ? { sealNo: last.sealNo, sealHash: last.sealHash } : null,
      entryCount: this.rows.filter((e) => e.seq <= this.head.seq).length,
    });
  }

  async lockHead(): Promise<ChainHead> {
    this.locks++;
    return this.head;
  }

  async save(chain: LedgerChain): Promise<void> {
    this.saves++;
    if (chain.appended.length) {
      this.rows.push(...chain.appended);
      this.head = chain.head;
    }
    if (chain.sealed) this.seals.push(chain.sealed);
  }

  async *entries(batchSize = 5000): AsyncIterable<HashedLedgerEntry[]> {
    const sorted = [...this.rows].sort((a, b) => a.seq - b.seq);
    for (let i = 0; i < sorted.length; i += batchSize) yield sorted.slice(i, i + batchSize);
  }
}
