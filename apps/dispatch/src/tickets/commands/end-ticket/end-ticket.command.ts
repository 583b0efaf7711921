import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDate, IsDefined, IsIn, IsNotEmpty, IsString } from 'class-validator';

/** ticket.withdrawn or ticket.closed: the ticket is over for the desk. */
export class EndTicketCommand extends Command {
  @IsString() @IsNotEmpty() readonly ticketId!: string;
  @IsIn(['withdrawn', 'closed']) readonly outcome!: 'withdrawn' | 'closed';
  @IsDefined() readonly actor!: Actor;
  @IsDate() readonly occurredAt!: Date;
}
