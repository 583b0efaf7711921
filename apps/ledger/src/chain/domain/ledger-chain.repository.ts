import { ChainHead, LedgerChain } from './ledger-chain.aggregate';
import { HashedLedgerEntry } from './ledger-entry';

/**
 * The one writer of the chain: entries, seals and the chain head. It only ever inserts entries and
 * seals (they are append-only, docs/adr/0012-ledger-append-only.md) and moves the head with them.
 * Every method runs in the unit of work open around it; loading locks the head until it ends.
 */
export abstract class LedgerChainRepository {
  /** The chain with its head locked, knowing which of these events it holds already. */
  abstract lockForAppend(eventIds: readonly string[]): Promise<LedgerChain>;

  /** The chain with its head locked, knowing what a seal for `day` (YYYY-MM-DD, China) needs. */
  abstract lockForSeal(day: string): Promise<LedgerChain>;

  /** Locks the head alone: appends wait until the unit of work ends. */
  abstract lockHead(): Promise<ChainHead>;

  /** Writes what the chain appended and sealed since it was loaded. */
  abstract save(chain: LedgerChain): Promise<void>;

  /** Every entry in seq order, a batch at a time. */
  abstract entries(batchSize?: number): AsyncIterable<HashedLedgerEntry[]>;
}
