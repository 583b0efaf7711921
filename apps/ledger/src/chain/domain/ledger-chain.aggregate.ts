import { ChainedEvent, subjectOf, topicOf } from './chained-event';
import { entryHash, GENESIS_HASH, HashedLedgerEntry, LedgerEntry, sealHash } from './ledger-entry';

/** The last entry appended: the chain head row. */
export interface ChainHead {
  seq: number;
  hash: string;
}

/** The head of a chain with no entry yet. */
export const GENESIS_HEAD: ChainHead = { seq: 0, hash: GENESIS_HASH };

export type SealReason = 'daily' | 'on_demand';

/**
 * A seal records the chain head (last seq, its hash, how many entries) at a moment, itself chained
 * to the seal before. Someone who rewrites the chain consistently after an edit (recomputing every
 * later hash) still cannot make the entries agree with a seal written before.
 */
export interface Seal {
  sealNo: number;
  reason: SealReason;
  sealedOn: string;
  sealedAt: string;
  lastSeq: number;
  lastHash: string;
  entryCount: number;
  prevSealHash: string;
  sealHash: string;
}

/** What a seal needs to know besides the head. */
export interface SealingState {
  /** The (Asia/Shanghai) day the seal is for, YYYY-MM-DD. */
  day: string;
  /** A daily seal exists for that day already. */
  sealedToday: boolean;
  lastSeal: { sealNo: number; sealHash: string } | null;
  /** Entries found up to the head: counted, not taken from the head, so a deleted row shows in the seal. */
  entryCount: number;
}

const SHANGHAI_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/** The day in China of an instant, YYYY-MM-DD: a daily seal is one per such day. */
export const sealDay = (at: Date): string => SHANGHAI_DAY.format(at);

/**
 * The hash chain (台账): entries only ever appended, each linked to the one before, and seals of
 * its head. Loaded with its head locked, so appends and seals from every consumer lane and every
 * instance form one line. What it appends or seals is kept until the repository saves it.
 */
export class LedgerChain {
  private readonly entries: HashedLedgerEntry[] = [];
  private madeSeal: Seal | null = null;

  private constructor(
    private current: ChainHead,
    private readonly known: Set<string>,
    private readonly sealing: SealingState | null,
  ) {}

  /** The chain as an append finds it: its head, and which of the events offered it holds already. */
  static forAppend(head: ChainHead, knownEventIds: Iterable<string>): LedgerChain {
    return new LedgerChain(head, new Set([...knownEventIds].map((id) => id.toLowerCase())), null);
  }

  static forSeal(head: ChainHead, sealing: SealingState): LedgerChain {
    return new LedgerChain(head, new Set(), sealing);
  }

  get head(): ChainHead {
    return { ...this.current };
  }

  /** Entries appended since the chain was loaded, in seq order. */
  get appended(): readonly HashedLedgerEntry[] {
    return this.entries;
  }

  /** The seal made since the chain was loaded, if any. */
  get sealed(): Seal | null {
    return this.madeSeal;
  }

  /**
   * Appends the events in the order given, each as the next seq linked to the entry before. An
   * event the chain holds already, or one repeated among those given, is not appended again:
   * delivery is at least once, the chain holds each event once. Returns the entries appended.
   */
  append(events: readonly ChainedEvent[], recordedAt: Date): HashedLedgerEntry[] {
    const recorded = recordedAt.toISOString();
    const added: HashedLedgerEntry[] = [];
    for (const event of events) {
      const id = event.id.toLowerCase(); // as the uuid column gives it back
      if (this.known.has(id)) continue;
      this.known.add(id);
      const topic = topicOf(event.type);
      const { ticketId, departmentId } = subjectOf(topic, event);
      const entry: LedgerEntry = {
        seq: this.current.seq + 1,
        eventId: event.id,
        type: event.type,
        topic,
        eventVersion: event.version,
        aggregateId: event.aggregateId,
        aggregateVersion: event.aggregateVersion,
        correlationId: event.correlationId,
        causationId: event.causationId ?? null,
        ticketId,
        departmentId,
        actorId: event.actor.id,
        actorRole: event.actor.role,
        occurredAt: new Date(event.occurredAt).toISOString(),
        recordedAt: recorded,
        payload: event.payload ?? {},
        prevHash: this.current.hash,
      };
      const hashed: HashedLedgerEntry = { ...entry, hash: entryHash(entry) };
      this.current = { seq: hashed.seq, hash: hashed.hash };
      added.push(hashed);
    }
    this.entries.push(...added);
    return added;
  }

  /**
   * Seals the head as it is now. A daily seal is made once per day (in China): asked again the same
   * day, it makes none and returns null. A seal on demand is always made.
   */
  seal(reason: SealReason, now: Date): Seal | null {
    const s = this.sealing;
    if (!s) throw new Error('a chain loaded for appending cannot seal: load it with forSeal');
    const sealedOn = sealDay(now);
    if (sealedOn !== s.day) throw new Error(`the chain was loaded to seal ${s.day}, not ${sealedOn}`);
    if (this.madeSeal) throw new Error('one seal per unit of work');
    if (reason === 'daily' && s.sealedToday) return null;
    const body = {
      sealNo: (s.lastSeal?.sealNo ?? 0) + 1,
      lastSeq: this.current.seq,
      lastHash: this.current.hash,
      entryCount: s.entryCount,
      sealedAt: now.toISOString(),
      prevSealHash: s.lastSeal?.sealHash ?? GENESIS_HASH,
    };
    this.madeSeal = { ...body, reason, sealedOn, sealHash: sealHash(body) };
    return this.madeSeal;
  }
}
