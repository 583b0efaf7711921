import { SearchDirectory, SearchEnterprise, TicketSearchIndex } from '../domain/ticket-search-index';

/** For handler specs: the enterprises held, newest wins. */
export class InMemorySearchDirectory extends SearchDirectory {
  readonly enterprises = new Map<string, { e: SearchEnterprise; asOf: Date }>();

  async upsert(e: SearchEnterprise, asOf: Date): Promise<boolean> {
    const held = this.enterprises.get(e.id);
    if (held && held.asOf > asOf) return false;
    this.enterprises.set(e.id, { e, asOf });
    return !held || held.e.name !== e.name || held.e.creditCode !== e.creditCode;
  }
}

/** For handler specs: what was asked to be indexed again, in order. */
export class InMemoryTicketSearchIndex extends TicketSearchIndex {
  readonly refreshedEnterprises: string[] = [];

  async refreshEnterprise(enterpriseId: string): Promise<void> {
    this.refreshedEnterprises.push(enterpriseId);
  }
}
