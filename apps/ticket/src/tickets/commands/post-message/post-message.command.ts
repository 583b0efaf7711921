import { IsString, MaxLength } from 'class-validator';
import { ConversationTicketCommand } from '../ticket-command';

/** A message on the ticket that the enterprise and its handlers both read. */
export class PostMessageCommand extends ConversationTicketCommand {
  @IsString() @MaxLength(4000) readonly text!: string;
}
