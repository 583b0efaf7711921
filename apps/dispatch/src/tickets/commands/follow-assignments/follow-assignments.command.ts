import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { Type } from 'class-transformer';
import {
  ArrayNotEmpty,
  ArrayUnique,
  IsArray,
  IsDate,
  IsDefined,
  IsInstance,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';

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
  @IsArray()
  @ArrayNotEmpty()
  @ArrayUnique((a: TicketAssignment) => a?.ticketId, { message: 'a ticket is followed once per command' })
  // Instances (TicketAssignment.of), or the nested rules would not run.
  @IsInstance(TicketAssignment, { each: true })
  @ValidateNested({ each: true })
  @Type(() => TicketAssignment)
  readonly assignments!: readonly TicketAssignment[];
}
