import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsString, MinLength } from 'class-validator';

/** A ticket's timers as the SLA engine counts them, for someone who may see the ticket. */
export class TicketTimersQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MinLength(1) readonly ticketId!: string;
}
