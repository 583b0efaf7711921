import { Command } from '@ticketing/platform';
import { IsObject, IsString, MinLength } from 'class-validator';
import { TicketActivityEvent } from '../../domain/ticket-activity';

/** An event about a ticket, as received (its payload already checked against its class). */
export class RecordTicketActivityCommand extends Command {
  @IsString() @MinLength(1) readonly ticketId!: string;
  @IsObject() readonly event!: TicketActivityEvent;
}
