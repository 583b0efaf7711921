import { entryHash, GENESIS_HASH, HashedLedgerEntry, sealHash } from './ledger-entry';

export type ChainProblem =
  'hash_mismatch' | 'missing_seq' | 'prev_hash_mismatch' | 'seal_mismatch' | 'beyond_head';

export interface ChainBreak {
  /** The first entry at fault (for a missing entry: the seq that is missing). */
  seq: number;
  problem: ChainProblem;
  detail: string;
  sealNo?: number;
}

export interface SealRecord {
  sealNo: number;
  sealedAt: string;
  lastSeq: number;
  lastHash: string;
  entryCount: number;
  prevSealHash: string;
  sealHash: string;
}

export interface VerifyReport {
  ok: boolean;
  checkedEntries: number;
  checkedSeals: number;
  headSeq: number;
  headHash: string;
  firstBroken: ChainBreak | null;
}

/**
 * Walks the chain in seq order and stops at the first break. Fed in batches so that a chain of
 * millions of entries is checked in constant memory. Order of checks per entry: is it the seq that
 * should come next, does it link to the entry before, is its own hash right, does a seal agree.
 */
export class ChainVerifier {
  private expectedSeq = 1;
  private prevHash = GENESIS_HASH;
  private checked = 0;
  private broken: ChainBreak | null = null;
  private readonly sealsBySeq = new Map<number, SealRecord[]>();
  private sealsChecked = 0;
  /** A seal whose own record was altered; reported unless an entry before it breaks first. */
  private sealRecordBreak: ChainBreak | null = null;

  constructor(private readonly seals: SealRecord[]) {
    let prev = GENESIS_HASH;
    for (const s of [...seals].sort((a, b) => a.sealNo - b.sealNo)) {
      const recomputed = sealHash({
        sealNo: s.sealNo,
        lastSeq: s.lastSeq,
        lastHash: s.lastHash,
        entryCount: s.entryCount,
        sealedAt: s.sealedAt,
        prevSealHash: s.prevSealHash,
      });
      if (!this.sealRecordBreak && (s.prevSealHash !== prev || recomputed !== s.sealHash)) {
        this.sealRecordBreak = {
          seq: s.lastSeq,
          problem: 'seal_mismatch',
          sealNo: s.sealNo,
          detail: `seal ${s.sealNo} was altered: its own hash or its link to the seal before does not match`,
        };
      }
      prev = s.sealHash;
      const list = this.sealsBySeq.get(s.lastSeq) ?? [];
      list.push(s);
      this.sealsBySeq.set(s.lastSeq, list);
    }
  }

  get done(): boolean {
    return this.broken !== null;
  }

  /** Returns false once a break is found (the caller can stop reading). */
  feed(entries: HashedLedgerEntry[]): boolean {
    for (const e of entries) {
      if (this.broken) return false;
      if (e.seq !== this.expectedSeq) {
        this.broken = {
          seq: this.expectedSeq,
          problem: 'missing_seq',
          detail: `entry ${this.expectedSeq} is missing: the next entry found is ${e.seq}`,
        };
        return false;
      }
      if (e.prevHash !== this.prevHash) {
        this.broken = {
          seq: e.seq,
          problem: 'prev_hash_mismatch',
          detail: `entry ${e.seq} does not link to entry ${e.seq - 1}: its prev_hash is not that entry's hash (an entry before it was inserted, replaced or moved)`,
        };
        return false;
      }
      const { hash, ...unhashed } = e;
      if (entryHash(unhashed) !== hash) {
        this.broken = {
          seq: e.seq,
          problem: 'hash_mismatch',
          detail: `entry ${e.seq} was altered: its content does not match its hash`,
        };
        return false;
      }
      for (const s of this.sealsBySeq.get(e.seq) ?? []) {
        this.sealsChecked++;
        if (s.lastHash !== e.hash || s.entryCount !== e.seq) {
          this.broken = {
            seq: e.seq,
            problem: 'seal_mismatch',
            sealNo: s.sealNo,
            detail: `seal ${s.sealNo} (sealed ${s.sealedAt}) recorded entry ${s.lastSeq} with hash ${s.lastHash} and ${s.entryCount} entries; the chain now has ${e.hash} and ${e.seq}`,
          };
          return false;
        }
      }
      this.prevHash = e.hash;
      this.expectedSeq++;
      this.checked++;
      if (this.sealRecordBreak && e.seq >= this.sealRecordBreak.seq) {
        this.broken = this.sealRecordBreak;
        return false;
      }
    }
    return true;
  }

  /** The chain head row names the last entry appended; it must be the last entry found. */
  finish(head: { seq: number; hash: string }): VerifyReport {
    if (!this.broken && this.sealRecordBreak) this.broken = this.sealRecordBreak;
    if (!this.broken) {
      const last = this.expectedSeq - 1;
      const sealedBeyond = this.seals.find((s) => s.lastSeq > last);
      if (head.seq > last) {
        this.broken = {
          seq: last + 1,
          problem: 'missing_seq',
          detail: `entries ${last + 1}..${head.seq} are missing: the chain head says ${head.seq} were appended`,
        };
      } else if (sealedBeyond) {
        this.broken = {
          seq: last + 1,
          problem: 'seal_mismatch',
          sealNo: sealedBeyond.sealNo,
          detail: `seal ${sealedBeyond.sealNo} covers entry ${sealedBeyond.lastSeq}, which is missing`,
        };
      } else if (head.seq < last) {
        this.broken = {
          seq: head.seq + 1,
          problem: 'beyond_head',
          detail: `entries after ${head.seq} were not appended by the service: the chain head stops at ${head.seq}`,
        };
      } else if (head.hash !== this.prevHash) {
        this.broken = {
          seq: last,
          problem: 'hash_mismatch',
          detail: `entry ${last} differs from the one the chain head recorded`,
        };
      }
    }
    return {
      ok: this.broken === null,
      checkedEntries: this.checked,
      checkedSeals: this.sealsChecked,
      headSeq: head.seq,
      headHash: head.hash,
      firstBroken: this.broken,
    };
  }
}
