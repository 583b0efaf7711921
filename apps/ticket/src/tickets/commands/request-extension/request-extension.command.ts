import { IsDate, IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class RequestExtensionCommand extends PersonTicketCommand {
  @IsString() @MaxLength(2000) readonly reason!: string;
  @IsDate() readonly proposedDueAt!: Date;
}
