import { IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class ReplyTicketCommand extends PersonTicketCommand {
  @IsString() @MaxLength(4000) readonly message!: string;
}
