/**
 * Where a service records the stream tickets it took, so that each works once. The default keeps
 * them in the process (exact for one process); `SessionRevocationFeed` (@ticketing/platform)
 * replaces it with the service's own table, shared by every instance of the service.
 */
export interface StreamTicketStore {
  /** True the first time a ticket id is shown, false after; `expiresAt` bounds how long to remember it. */
  redeem(ticketId: string, expiresAt: Date): Promise<boolean>;
}

export class InProcessStreamTicketStore implements StreamTicketStore {
  private readonly taken = new Map<string, number>();

  async redeem(ticketId: string, expiresAt: Date): Promise<boolean> {
    const now = Date.now();
    for (const [id, until] of this.taken) if (until < now) this.taken.delete(id);
    if (this.taken.has(ticketId)) return false;
    this.taken.set(ticketId, expiresAt.getTime());
    return true;
  }
}

/**
 * The process's stream-ticket store. In the standalone process several services offer one (their
 * own table each); the first by name is used by all of them, the same choice in every instance,
 * so a ticket still works once across instances.
 */
export class StreamTickets {
  private store: StreamTicketStore = new InProcessStreamTicketStore();
  private storeName: string | undefined;

  offer(name: string, store: StreamTicketStore): void {
    if (this.storeName !== undefined && this.storeName <= name) return;
    this.storeName = name;
    this.store = store;
  }

  redeem(ticketId: string, expiresAt: Date): Promise<boolean> {
    return this.store.redeem(ticketId, expiresAt);
  }
}
