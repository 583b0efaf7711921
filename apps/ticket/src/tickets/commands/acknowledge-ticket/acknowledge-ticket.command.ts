import { IsOptional, IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class AcknowledgeTicketCommand extends PersonTicketCommand {
  @IsOptional() @IsString() @MaxLength(1000) readonly note!: string | null;
}
