import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDate, IsDefined, IsNotEmpty, IsOptional, IsString } from 'class-validator';

/** ticket.submitted: a new ticket for the desk to route (党委响应). */
export class RouteTicketCommand extends Command {
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
}
