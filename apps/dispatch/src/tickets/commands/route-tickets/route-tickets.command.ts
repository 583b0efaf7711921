import { Actor } from '@ticketing/contracts';
import { EventCause } from '@ticketing/messaging';
import { Command, ItemsOf } from '@ticketing/platform';
import { Type } from 'class-transformer';
import {
  IsDate,
  IsDefined,
  IsInstance,
  IsNotEmpty,
  IsOptional,
  IsString,
  ValidateNested,
} from 'class-validator';

/** ticket.submitted: a new ticket for the desk to route (党委响应). */
export class TicketSubmission {
  @IsString() @IsNotEmpty() readonly ticketId!: string;
  @IsString() @IsNotEmpty() readonly number!: string;
  @IsString() @IsNotEmpty() readonly enterpriseId!: string;
  @IsOptional() @IsString() readonly enterpriseName!: string | null;
  @IsString() readonly title!: string;
  @IsString() readonly description!: string;
  @IsString() @IsNotEmpty() readonly category!: string;
  @IsOptional() @IsString() readonly urgency!: string | null;
  @IsOptional() @IsString() readonly gridId!: string | null;
  @IsDate() readonly submittedAt!: Date;
  /** Who submitted it, and when the ticket service recorded that. */
  @IsDefined() readonly actor!: Actor;
  @IsDate() readonly occurredAt!: Date;
  /** The ticket.submitted event: the cause of the decision it gets. */
  @IsInstance(EventCause) @ValidateNested() @Type(() => EventCause) readonly cause!: EventCause;

  /** A class instance, so that the command's nested rules apply to it. */
  static of(props: Omit<TicketSubmission, 'cause'> & { cause: EventCause }): TicketSubmission {
    return Object.assign(new TicketSubmission(), props);
  }
}

/**
 * New tickets to route, in delivery order: one submission, or the submissions of a delivered batch
 * (one per ticket), with the effect of routing them one by one.
 */
export class RouteTicketsCommand extends Command {
  @ItemsOf(TicketSubmission, { key: (s) => s.ticketId, duplicate: 'a ticket is routed once per command' })
  readonly submissions!: readonly TicketSubmission[];
}
