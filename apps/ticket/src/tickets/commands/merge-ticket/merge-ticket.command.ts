import { IsString, IsUUID, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

/** The committee merges this ticket (a duplicate) into a main ticket, which it follows from then on. */
export class MergeTicketCommand extends PersonTicketCommand {
  @IsUUID('all') readonly mainTicketId!: string;
  @IsString() @MaxLength(2000) readonly reason!: string;
}
