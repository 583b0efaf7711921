import { IsString, MaxLength } from 'class-validator';
import { ConversationTicketCommand } from '../ticket-command';

/** 内部备注: a note for the departments on the ticket and the committee only. */
export class AddNoteCommand extends ConversationTicketCommand {
  @IsString() @MaxLength(4000) readonly text!: string;
}
