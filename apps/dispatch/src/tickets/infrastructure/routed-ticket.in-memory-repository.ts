import { Correlation } from '@ticketing/observability';
import { RoutedTicket, RoutedTicketRecord, DeskEvent } from '../domain/routed-ticket.aggregate';
import { RoutedTicketRepository } from '../domain/routed-ticket.repository';
import { CountedFact, HistoryEntry } from '../domain/ticket-log';

/** A ticket record as the desk keeps one routed by a rule; specs change what matters to them. */
export const aRoutedTicket = (over: Partial<RoutedTicketRecord> = {}): RoutedTicketRecord => ({
  ticketId: 't1',
  number: 'CS-2026-000001',
  enterpriseId: 'ent-1',
  enterpriseName: '某某机械',
  title: '招工难',
  description: '缺少焊工',
  category: 'labour',
  urgency: 'normal',
  gridId: null,
  submittedAt: new Date('2026-03-02T08:00:00Z'),
  status: 'decided',
  leadDepartmentId: 'hrss',
  coHandlerDepartmentIds: ['miit'],
  firstHandlerDepartmentId: 'hrss',
  decidedVia: 'rule',
  ruleId: 'labour',
  ruleVersion: 1,
  explanation: '按分派规则「用工招聘 → 人社局」（第1版）分派：类别「用工招聘」符合',
  decidedAt: new Date('2026-03-02T08:00:01Z'),
  decidedBy: 'system',
  eventsEmitted: 1,
  updatedAt: new Date('2026-03-02T08:00:01Z'),
  ...over,
});

const copy = (r: RoutedTicketRecord): RoutedTicketRecord => ({
  ...r,
  coHandlerDepartmentIds: [...r.coHandlerDepartmentIds],
});

/**
 * The desk's ticket records in memory, for handler specs: what a save wrote, in the order written
 * (rows, history, counted facts deduplicated like the table's unique key, and the events).
 */
export class InMemoryRoutedTicketRepository extends RoutedTicketRepository {
  readonly rows = new Map<string, RoutedTicketRecord>();
  readonly history: (HistoryEntry & { ticketId: string })[] = [];
  readonly counted: (CountedFact & { ticketId: string })[] = [];
  readonly events: (DeskEvent & { aggregateId: string })[] = [];
  /** The ambient correlation each event was saved under (its cause), in the order of `events`. */
  readonly causes: { correlationId?: string; causationId?: string }[] = [];
  /** Locking reads so far: one per `lockById` or `lockByIds`. */
  lockReads = 0;

  given(...records: RoutedTicketRecord[]): this {
    for (const r of records) this.rows.set(r.ticketId, copy(r));
    return this;
  }

  async lockById(ticketId: string): Promise<RoutedTicket> {
    const [ticket] = await this.lockByIds([ticketId]);
    return ticket;
  }

  async lockByIds(ticketIds: readonly string[]): Promise<RoutedTicket[]> {
    this.lockReads += 1;
    return ticketIds.map((id) => {
      const row = this.rows.get(id);
      return row ? RoutedTicket.restore(copy(row)) : RoutedTicket.unknown(id);
    });
  }

  async save(...tickets: RoutedTicket[]): Promise<void> {
    for (const ticket of tickets) {
      const { row, history, counted, events } = ticket.pullChanges();
      if (row === 'insert' && this.rows.has(ticket.ticketId)) {
        throw new Error(`ticket ${ticket.ticketId} has a row already`);
      }
      if (row === 'update' && !this.rows.has(ticket.ticketId)) {
        throw new Error(`ticket ${ticket.ticketId} has no row to update`);
      }
      if (row) this.rows.set(ticket.ticketId, copy(ticket.state));
      this.history.push(...history.map((h) => ({ ...h, ticketId: ticket.ticketId })));
      for (const c of counted) {
        if (!this.counted.some((x) => x.kind === c.kind && x.sourceId === c.sourceId)) {
          this.counted.push({ ...c, ticketId: ticket.ticketId });
        }
      }
      this.events.push(...events.map((e) => ({ ...e, aggregateId: ticket.ticketId })));
      const cause = { correlationId: Correlation.id(), causationId: Correlation.causationId() };
      this.causes.push(...events.map(() => cause));
    }
  }
}
