import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { Actor } from '@ticketing/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { TicketAccessPolicy, ticketNotFound } from './access/ticket-access.policy';
import { Ticket } from './domain/ticket.aggregate';
import { TicketAction } from './domain/ticket-state-machine';
import { TicketRepository } from './infrastructure/ticket.repository';
import { TicketChangedResponseDto } from './ticket-changed.response.dto';

export type TicketMutation = (
  ticket: Ticket,
  actor: Actor,
  now: Date,
  manager: EntityManager,
) => void | Promise<void>;

/**
 * The one way a ticket changes: in a transaction, lock it, check who is asking (404 when they
 * cannot see it, 403 when it is not theirs to act on), check the version they saw, let the
 * aggregate apply the change, and store state, timeline and events together.
 */
@Injectable()
export class TicketActionRunner {
  constructor(
    @InjectDataSource('ticket') private readonly dataSource: DataSource,
    private readonly tickets: TicketRepository,
  ) {}

  async byPerson(
    cmd: { user: AuthUser; ticketId: string; expectedVersion: number },
    action: TicketAction,
    mutate: TicketMutation,
  ): Promise<TicketChangedResponseDto> {
    return this.dataSource.transaction(async (manager) => {
      const ticket = await this.tickets.findForUpdate(manager, cmd.ticketId);
      if (!ticket) throw ticketNotFound(cmd.ticketId);
      TicketAccessPolicy.assertMay(cmd.user, action, {
        id: ticket.id,
        enterpriseId: ticket.enterpriseId,
        gridId: ticket.gridId,
        leadDepartmentId: ticket.leadDepartmentId,
        coHandlerDepartmentIds: ticket.coHandlerDepartmentIds,
      });
      ticket.assertVersion(cmd.expectedVersion);
      await mutate(ticket, { id: cmd.user.id, role: cmd.user.role }, new Date(), manager);
      await this.tickets.save(manager, ticket);
      return TicketChangedResponseDto.of(ticket);
    });
  }

  /**
   * A change caused by another service's event, inside that event's inbox transaction. Returns
   * false when the ticket is unknown here (the caller decides whether that matters).
   */
  async bySystem(
    manager: EntityManager,
    ticketId: string,
    actor: Actor,
    mutate: TicketMutation,
  ): Promise<boolean> {
    const ticket = await this.tickets.findForUpdate(manager, ticketId);
    if (!ticket) return false;
    await mutate(ticket, actor, new Date(), manager);
    await this.tickets.save(manager, ticket);
    return true;
  }
}
