import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ticketNotFound } from '@ticketing/auth';
import { UnitOfWork } from '@ticketing/database';
import { TicketAccessPolicy } from '../../access/ticket-access.policy';
import { Ticket } from '../../domain/ticket.aggregate';
import { invalid } from '../../domain/ticket.errors';
import { TicketRepository } from '../../domain/ticket.repository';
import { scopeOf } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { LinkTicketsCommand } from './link-tickets.command';

/**
 * One unit of work over every ticket of the link: each records ticket.linked naming the others it
 * was not linked to yet, so the link reads the same from any of them. The ticket asked about must
 * gain a link (409 when it holds them all already); the others record what is new to them.
 */
@CommandHandler(LinkTicketsCommand)
export class LinkTicketsHandler implements ICommandHandler<LinkTicketsCommand, TicketChangedResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: TicketRepository,
  ) {}

  execute(c: LinkTicketsCommand): Promise<TicketChangedResponseDto> {
    return this.uow.transaction(async () => {
      const primary = await this.tickets.lockById(c.ticketId);
      if (!primary) throw ticketNotFound(c.ticketId);
      TicketAccessPolicy.assertMay(c.user, 'link', scopeOf(primary));
      primary.assertVersion(c.expectedVersion);
      const relatedIds = [...new Set(c.relatedTicketIds)];
      if (relatedIds.includes(primary.id)) throw invalid('ticketIds', 'a ticket cannot be linked to itself');
      // Locked in a stable order, so two links over the same tickets wait for each other instead of deadlocking.
      const related: Ticket[] = [];
      const unknown: string[] = [];
      for (const id of [...relatedIds].sort()) {
        const t = await this.tickets.lockById(id);
        if (t) related.push(t);
        else unknown.push(id);
      }
      if (unknown.length) throw invalid('ticketIds', `no such tickets: ${unknown.join(', ')}`);

      const actor = { id: c.user.id, role: c.user.role };
      const now = new Date();
      const group = [primary, ...related];
      primary.link(actor, relatedIds, c.reason, now);
      for (const t of related) {
        const fresh = group.map((g) => g.id).filter((id) => id !== t.id && !t.relatedTicketIds.includes(id));
        if (fresh.length) t.link(actor, fresh, c.reason, now);
      }
      for (const t of group) await this.tickets.save(t);
      return TicketChangedResponseDto.of(primary);
    });
  }
}
