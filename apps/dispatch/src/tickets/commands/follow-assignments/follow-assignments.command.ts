import { Actor } from '@ticketing/contracts';
import { Command, ItemsOf } from '@ticketing/platform';
import { IsArray, IsDate, IsDefined, IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** ticket.assigned: the ticket service gave the ticket a (new) lead. */
export class TicketAssignment {
  @IsString() @IsNotEmpty() readonly ticketId!: string;
  @IsString() @IsNotEmpty() readonly leadDepartmentId!: string;
  @IsArray() @IsString({ each: true }) readonly coHandlerDepartmentIds!: string[];
  @IsString() @IsNotEmpty() readonly firstHandlerDepartmentId!: string;
  @IsString() readonly via!: string;
  @IsOptional() @IsString() readonly previousLeadDepartmentId!: string | null;
  /** The ticket.assigned event's id: what the assignment is counted by, once. */
  @IsString() @IsNotEmpty() readonly eventId!: string;
  @IsDefined() readonly actor!: Actor;
  @IsDate() readonly occurredAt!: Date;

  /** A class instance, so that the command's nested rules apply to it. */
  static of(props: TicketAssignment): TicketAssignment {
    return Object.assign(new TicketAssignment(), props);
  }
}

/**
 * Assignments to follow, in delivery order: one, or those of a delivered batch (one per ticket),
 * with the effect of following them one by one. They announce nothing, so they need no cause.
 */
export class FollowAssignmentsCommand extends Command {
  @ItemsOf(TicketAssignment, { key: (a) => a.ticketId, duplicate: 'a ticket is followed once per command' })
  readonly assignments!: readonly TicketAssignment[];
}
