import { IsString, IsUUID, MaxLength } from 'class-validator';
import { ConversationTicketCommand } from '../ticket-command';

/** The enterprise (or its instructor) answers the open question, with text and files. */
export class ProvideInformationCommand extends ConversationTicketCommand {
  @IsUUID('all') readonly requestId!: string;
  @IsString() @MaxLength(4000) readonly answer!: string;
}
