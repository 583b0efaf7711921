import { SlaTimerKind } from '@ticketing/contracts';
import { IdempotencyKeys, IdempotentAnswer } from '../domain/idempotency-keys';
import { assertOneFactPerTicket, SlaClockFact, TicketDeadlines } from '../domain/ticket-deadlines';
import { formatTicketNumber, numberingYear, TicketNumbers } from '../domain/ticket-numbers';

/** Gapless per-year counters in memory, for handler specs. */
export class InMemoryTicketNumbers extends TicketNumbers {
  readonly last = new Map<number, number>();

  async next(at: Date): Promise<string> {
    const year = numberingYear(at);
    const n = (this.last.get(year) ?? 0) + 1;
    this.last.set(year, n);
    return formatTicketNumber(year, n);
  }
}

/** The queue's deadline columns and flags in memory, for handler specs. */
export class InMemoryTicketDeadlines extends TicketDeadlines {
  readonly due = new Map<string, Partial<Record<SlaTimerKind, string | null>>>();
  readonly flags = new Map<string, Partial<Record<SlaTimerKind, 'yellow' | 'red'>>>();
  readonly pauses = new Map<string, Partial<Record<SlaTimerKind, string>>>();
  readonly lapsed = new Map<string, Date>();

  constructor(private readonly known: (ticketId: string) => boolean = () => true) {
    super();
  }

  async resolveDueAt(ticketId: string): Promise<Date | null> {
    const at = this.due.get(ticketId)?.resolve;
    return at ? new Date(at) : null;
  }

  async feedbackLapsedAt(ticketId: string): Promise<Date | null> {
    return this.lapsed.get(ticketId) ?? null;
  }

  async record(facts: readonly SlaClockFact[]): Promise<void> {
    assertOneFactPerTicket(facts);
    for (const f of facts) this.apply(f);
  }

  private apply({ ticketId, kind, change, dueAt, reason, at }: SlaClockFact): void {
    if (change === 'stopped') {
      this.forget(this.flags, ticketId, kind);
      this.forget(this.pauses, ticketId, kind);
      this.due.set(ticketId, { ...this.due.get(ticketId), [kind]: null });
      return;
    }
    if (!this.known(ticketId)) return;
    switch (change) {
      case 'set':
        this.due.set(ticketId, { ...this.due.get(ticketId), [kind]: dueAt ?? null });
        this.forget(this.flags, ticketId, kind);
        this.forget(this.pauses, ticketId, kind);
        if (kind === 'feedback') this.lapsed.delete(ticketId);
        return;
      case 'yellow':
      case 'red': {
        const flags = this.flags.get(ticketId) ?? {};
        if (flags[kind] !== 'red') this.flags.set(ticketId, { ...flags, [kind]: change });
        if (kind === 'feedback' && change === 'red') this.lapsed.set(ticketId, at);
        return;
      }
      case 'paused':
        this.pauses.set(ticketId, { ...this.pauses.get(ticketId), [kind]: reason ?? 'paused' });
        return;
    }
  }

  private forget<V>(
    map: Map<string, Partial<Record<SlaTimerKind, V>>>,
    ticketId: string,
    kind: SlaTimerKind,
  ) {
    const held = { ...map.get(ticketId) };
    delete held[kind];
    map.set(ticketId, held);
  }
}

/** Idempotency keys in memory, for handler specs. */
export class InMemoryIdempotencyKeys<R> extends IdempotencyKeys<R> {
  readonly keys = new Map<string, IdempotentAnswer<R>>();

  async claim(userId: string, key: string, requestHash: string): Promise<true | IdempotentAnswer<R>> {
    const held = this.keys.get(`${userId}\u0000${key}`);
    if (held) return held;
    this.keys.set(`${userId}\u0000${key}`, { requestHash, response: null });
    return true;
  }

  async record(userId: string, key: string, _resourceId: string, response: R): Promise<void> {
    this.keys.get(`${userId}\u0000${key}`)!.response = response;
  }
}
