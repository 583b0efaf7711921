import { Injectable } from '@nestjs/common';
import { AuthUser, ticketNotFound } from '@ticketing/auth';
import { Actor, Clock } from '@ticketing/contracts';
import { UnitOfWork } from '@ticketing/database';
import { TicketAccessPolicy } from './access/ticket-access.policy';
import { Ticket } from './domain/ticket.aggregate';
import { TicketRepository } from './domain/ticket.repository';
import { TicketAction } from './domain/ticket-state-machine';
import { TicketChangedResponseDto } from './ticket-changed.response.dto';

export type TicketMutation = (ticket: Ticket, actor: Actor, now: Date) => void | Promise<void>;

/** What the access policy needs of a loaded ticket. */
export const scopeOf = (t: Ticket) => ({
  id: t.id,
  enterpriseId: t.enterpriseId,
  gridId: t.gridId,
  leadDepartmentId: t.leadDepartmentId,
  coHandlerDepartmentIds: t.coHandlerDepartmentIds,
});

/**
 * The one way a ticket changes: in one unit of work, lock it, check who is asking (404 when they
 * cannot see it, 403 when it is not theirs to act on), check the version they saw, let the
 * aggregate apply the change, and store state, timeline and events together. The answers it gave
 * (interim reply, reply, resolution) reach the duplicates merged into it in the same unit of work.
 */
@Injectable()
export class TicketActionRunner {
  constructor(
    private readonly uow: UnitOfWork,
    private readonly tickets: TicketRepository,
  ) {}

  /**
   * `expectedVersion` may be left out only by additions to the conversation (a message, a note, an
   * answer to a question), which change nothing anyone could have seen stale.
   */
  byPerson(
    cmd: { user: AuthUser; ticketId: string; expectedVersion?: number | null },
    action: TicketAction,
    mutate: TicketMutation,
  ): Promise<TicketChangedResponseDto> {
    return this.uow.transaction(async () => {
      const ticket = await this.tickets.lockById(cmd.ticketId);
      if (!ticket) throw ticketNotFound(cmd.ticketId);
      TicketAccessPolicy.assertMay(cmd.user, action, scopeOf(ticket));
      if (cmd.expectedVersion !== undefined && cmd.expectedVersion !== null)
        ticket.assertVersion(cmd.expectedVersion);
      const actor = { id: cmd.user.id, role: cmd.user.role };
      const now = Clock.now();
      await mutate(ticket, actor, now);
      await this.saveWithFollowers(ticket, actor, now);
      return TicketChangedResponseDto.of(ticket);
    });
  }

  /**
   * Changes caused by other services' events, one per ticket (one event, or a consumer's batch);
   * inside a consumer they join the inbox transaction. The tickets are locked in one read, in the
   * order of their ids; `change` is called for each in the order given (null: the ticket is unknown
   * here), and saves what it changed with `saveWithFollowers`.
   */
  bySystem<T>(
    ticketIds: readonly string[],
    change: (ticket: Ticket | null, index: number, now: Date) => Promise<T>,
  ): Promise<T[]> {
    return this.uow.transaction(async () => {
      const tickets = await this.tickets.lockByIds(ticketIds);
      const now = Clock.now();
      const outcomes: T[] = [];
      for (const [i, ticket] of tickets.entries()) outcomes.push(await change(ticket, i, now));
      return outcomes;
    });
  }

  /**
   * Saves the ticket, then hands the answers it gave to each duplicate that still follows it
   * (locked after the main ticket, the order every merge takes too).
   */
  async saveWithFollowers(ticket: Ticket, actor: Actor, now: Date): Promise<void> {
    const answers = ticket.answersForDuplicates();
    await this.tickets.save(ticket);
    if (!answers.length) return;
    const main = ticket.asMain();
    for (const ref of ticket.duplicates) {
      const duplicate = await this.tickets.lockById(ref.ticketId);
      if (!duplicate) continue;
      for (const answer of answers)
        if (duplicate.receives(main.id, answer)) duplicate.followMain(actor, main, answer, now);
      await this.tickets.save(duplicate);
    }
  }
}
