import { Ticket, TicketChange, TicketProps } from '../domain/ticket.aggregate';
import { TicketRepository } from '../domain/ticket.repository';

/**
 * Tickets in memory, for handler specs: stores each ticket's state as the TypeORM repository
 * would (a snapshot, re-read on every load) and keeps the changes it was asked to save, in order,
 * as the events the outbox would have carried.
 */
export class InMemoryTicketRepository extends TicketRepository {
  private readonly rows = new Map<string, TicketProps>();
  readonly saved: TicketChange[] = [];

  /** Puts a ticket in as it stands, as if loaded from an earlier unit of work. */
  seed(ticket: Ticket): void {
    ticket.pullChanges();
    this.rows.set(ticket.id, structuredClone(ticket.snapshot()) as TicketProps);
  }

  /** Locking reads so far: one per `lockById` or `lockByIds`. */
  lockReads = 0;

  async lockById(id: string): Promise<Ticket | null> {
    const [ticket] = await this.lockByIds([id]);
    return ticket;
  }

  async lockByIds(ids: readonly string[]): Promise<(Ticket | null)[]> {
    this.lockReads += 1;
    return ids.map((id) => {
      const props = this.rows.get(id);
      return props ? Ticket.rehydrate(structuredClone(props)) : null;
    });
  }

  async save(ticket: Ticket): Promise<void> {
    const changes = ticket.pullChanges();
    if (!changes.length) return;
    const before = changes[0].version - 1;
    const held = this.rows.get(ticket.id);
    if ((held?.version ?? 0) !== before) throw new Error(`ticket ${ticket.id} was not at version ${before}`);
    this.rows.set(ticket.id, structuredClone(ticket.snapshot()) as TicketProps);
    this.saved.push(...changes);
  }

  /** The event types saved so far, oldest first. */
  eventTypes(): string[] {
    return this.saved.map((c) => c.eventType);
  }

  get(id: string): TicketProps | undefined {
    return this.rows.get(id);
  }

  /** Every ticket as stored. */
  all(): TicketProps[] {
    return [...this.rows.values()];
  }
}
