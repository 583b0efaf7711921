import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class CloseTicketCommand extends PersonTicketCommand {
  @IsOptional() @IsString() @MaxLength(2000) readonly reason!: string | null;
}
