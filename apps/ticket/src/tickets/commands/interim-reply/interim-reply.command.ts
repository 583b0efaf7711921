import { IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class InterimReplyCommand extends PersonTicketCommand {
  @IsString() @MaxLength(4000) readonly message!: string;
}
