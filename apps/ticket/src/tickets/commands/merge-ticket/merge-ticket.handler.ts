import { CommandHandler, ICommandHandler } from '@nestjs/cqrs';
import { ticketNotFound } from '@ticketing/auth';
import { UnitOfWork } from '@ticketing/database';
import { TicketAccessPolicy } from '../../access/ticket-access.policy';
import { invalid } from '../../domain/ticket.errors';
import { TicketRepository } from '../../domain/ticket.repository';
import { scopeOf } from '../../ticket-action.runner';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { MergeTicketCommand } from './merge-ticket.command';

/**
 * One unit of work on both tickets: the main one is locked first (as every answer it gives locks
 * it before its duplicates), then the duplicate; the duplicate records ticket.merged (and at once
 * what the main one already answered), the main one ticket.duplicate-attached.
 */
@CommandHandler(MergeTicketCommand)
export class MergeTicketHandler implements ICommandHandler<MergeTicketCommand, TicketChangedResponseDto> {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: TicketRepository,
  ) {}

  execute(c: MergeTicketCommand): Promise<TicketChangedResponseDto> {
    return this.uow.transaction(async () => {
      const main = c.mainTicketId === c.ticketId ? null : await this.tickets.lockById(c.mainTicketId);
      const duplicate = await this.tickets.lockById(c.ticketId);
      if (!duplicate) throw ticketNotFound(c.ticketId);
      TicketAccessPolicy.assertMay(c.user, 'merge', scopeOf(duplicate));
      duplicate.assertVersion(c.expectedVersion);
      if (c.mainTicketId === c.ticketId)
        throw invalid('mainTicketId', 'a ticket cannot be merged into itself');
      if (!main) throw invalid('mainTicketId', `no ticket ${c.mainTicketId}`);
      const actor = { id: c.user.id, role: c.user.role };
      const now = new Date();
      duplicate.mergeInto(actor, main.asMain(), c.reason, now);
      main.attachDuplicate(
        actor,
        { ticketId: duplicate.id, number: duplicate.number, enterpriseId: duplicate.enterpriseId },
        now,
      );
      await this.tickets.save(duplicate);
      await this.tickets.save(main);
      return TicketChangedResponseDto.of(duplicate);
    });
  }
}
