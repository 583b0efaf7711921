import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

/** 承办人: the lead department hands the ticket to one of its staff, or to nobody (null). */
export class AssignHandlerCommand extends PersonTicketCommand {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) readonly handlerUserId!: string | null;
}
