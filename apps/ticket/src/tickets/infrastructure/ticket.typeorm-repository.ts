import { Injectable } from '@nestjs/common';
import { Topics } from '@ticketing/contracts';
import { EntityStatements, Statement, TransactionContext, writeBehind } from '@ticketing/database';
import { newEvent, OutboxWriter } from '@ticketing/messaging';
import { CONVERSATION_TYPES, conversationSql } from '../../search/infrastructure/search-sql';
import { conversationText } from '../../search/domain/search-document';
import { TicketSearchRows } from '../../search/infrastructure/ticket-search.indexer';
import { Ticket, TicketChange } from '../domain/ticket.aggregate';
import { TicketRepository } from '../domain/ticket.repository';
import { TicketMapper } from './ticket.mapper';
import { TicketOrmEntity, TicketPartOrmEntity, TicketStepOrmEntity } from './ticket.orm-entity';

/**
 * Tickets in PostgreSQL. `save` writes the state, one timeline step per change, one outbox event
 * per change and the ticket's search row in the unit of work's transaction, as one statement, so
 * all of it commits together. The departments' parts are rewritten only when they differ from what
 * `lockById` read (most changes — an acknowledgement, a reply, a resolution, a rating — leave them
 * alone). The search row is built from what the save holds and the conversation `lockById` read
 * with the lock (TicketSearchRows), not read back after the write.
 */
@Injectable()
export class TypeormTicketRepository extends TicketRepository {
  /** The parts as read by lockById (or last saved), per ticket object: what the table holds now. */
  private readonly partsInTable = new WeakMap<Ticket, string>();
  /** The conversation's texts so far (search-document.ts), per ticket object: read with the lock, kept by saves. */
  private readonly conversation = new WeakMap<Ticket, string[]>();

  constructor(
    private readonly tx: TransactionContext,
    private readonly outbox: OutboxWriter,
    private readonly search: TicketSearchRows,
  ) {
    super();
  }

  async lockById(id: string): Promise<Ticket | null> {
    const [ticket] = await this.lockByIds([id]);
    return ticket;
  }

  async lockByIds(ids: readonly string[]): Promise<(Ticket | null)[]> {
    const manager = this.tx.writer;
    const tickets = EntityStatements.of(manager, TicketOrmEntity);
    const parts = EntityStatements.of(manager, TicketPartOrmEntity);
    // The rows, their parts and their conversations (for their search rows) in one round trip; the
    // locks are the ticket rows', taken in the order of the ids, the order every locker of several
    // tickets takes, so two never wait on each other.
    const raws: (Record<string, unknown> & {
      parts_json: Record<string, unknown>[];
      conversation_texts: (string | null)[] | null;
    })[] = await manager.query(
      `SELECT ${tickets.selectList('t')},
              (SELECT coalesce(jsonb_agg(to_jsonb(p) ORDER BY p.position), '[]'::jsonb)
                 FROM ${parts.table} p WHERE p.ticket_id = t.id) AS parts_json,
              ${conversationSql('$2')} AS conversation_texts
         FROM ${tickets.table} t WHERE t.id = ANY($1) ORDER BY t.id FOR UPDATE`,
      [ids, CONVERSATION_TYPES],
    );
    const found = new Map<string, Ticket>();
    for (const raw of raws) {
      const ticket = TicketMapper.toDomain(
        tickets.fromRow(raw),
        raw.parts_json.map((p) => parts.fromRow(p)),
      );
      this.partsInTable.set(ticket, partsKey(TicketMapper.partsOf(ticket.snapshot())));
      this.conversation.set(
        ticket,
        (raw.conversation_texts ?? []).filter((t): t is string => !!t),
      );
      found.set(ticket.id, ticket);
    }
    return ids.map((id) => found.get(id) ?? null);
  }

  async save(ticket: Ticket): Promise<void> {
    const changes = ticket.pullChanges();
    if (!changes.length) return;
    const manager = this.tx.writer;
    const tickets = EntityStatements.of(manager, TicketOrmEntity);
    const partRows = EntityStatements.of(manager, TicketPartOrmEntity);
    const { row, parts } = TicketMapper.toPersistence(ticket);
    const before = changes[0].version - 1;
    // The row, the parts that changed, the steps and the events: one statement.
    const writes: Statement[] = [];
    if (before === 0) writes.push(tickets.insert([row]));
    else {
      const { id, ...set } = row;
      writes.push(tickets.update({ id, version: before }, set));
    }
    const key = partsKey(parts);
    const inTable = this.partsInTable.get(ticket);
    if (before === 0 || inTable !== key) {
      // The old parts go first, by themselves: one statement may not delete a key and insert it again.
      // A new ticket, or one whose table held none (most, when they are first assigned), has none to remove.
      if (before > 0 && inTable !== EMPTY_PARTS)
        await manager.query(`DELETE FROM ${partRows.table} WHERE ticket_id = $1`, [row.id]);
      if (parts.length) writes.push(partRows.insert(parts));
    }
    this.partsInTable.set(ticket, key);

    const events = changes.map((c) =>
      newEvent({
        type: c.eventType,
        aggregateId: row.id,
        aggregateVersion: c.version,
        actor: c.actor,
        payload: c.payload,
        occurredAt: c.at,
      }),
    );
    writes.push(
      EntityStatements.of(manager, TicketStepOrmEntity).insert(
        changes.map((c, i) => step(row.id, c, events[i].id)),
      ),
    );
    writes.push(this.outbox.rows(manager, Topics.Ticket, events)!);
    const said = this.conversation.get(ticket);
    if (before > 0 && !said) throw new Error(`ticket ${row.id} was saved without lockById`);
    const conversation = [
      ...(said ?? []),
      ...changes.map((c) => conversationText(c.eventType, c.payload)).filter((t): t is string => !!t),
    ];
    writes.push(
      await this.search.upsert(
        row,
        parts.map((p) => p.departmentId),
        conversation,
      ),
    );
    // Sent behind: it leaves with the next statement or the COMMIT (ADR 0023). The row is locked by
    // lockById, so PostgreSQL's check that it was at `before` fails only when a caller skipped the lock.
    await writeBehind(manager, writes, [this.outbox.channel], [before > 0 ? 1 : undefined]);
    this.conversation.set(ticket, conversation);
  }
}

/** The parts as they would be written (positions, texts, times), to tell whether they changed. */
const partsKey = (parts: TicketPartOrmEntity[]): string =>
  JSON.stringify(parts.map((p) => [p.departmentId, p.position, p.content, p.reportedAt, p.reportedBy]));
const EMPTY_PARTS = partsKey([]);

const BASE_KEYS = new Set([
  'ticketId',
  'number',
  'status',
  'enterpriseId',
  'category',
  'urgency',
  'gridId',
  'coHandlerDepartmentIds',
  'followsTicketId',
]);

function step(ticketId: string, c: TicketChange, eventId: string): Partial<TicketStepOrmEntity> {
  return {
    ticketId,
    version: c.version,
    action: c.action,
    eventType: c.eventType,
    eventId,
    actorId: c.actor.id,
    actorRole: c.actor.role,
    reason: c.reason,
    reasonCode: c.reasonCode,
    reasonParams: c.reasonParams,
    statusFrom: c.statusFrom,
    statusTo: c.payload.status,
    occurredAt: c.at,
    // The event's own fields (not the repeated base) are what a timeline reader wants to see.
    details: Object.fromEntries(Object.entries(c.payload).filter(([k]) => !BASE_KEYS.has(k))),
  };
}
