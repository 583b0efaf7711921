import { ArrayMaxSize, IsArray, IsString, IsUUID, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class ResolveTicketCommand extends PersonTicketCommand {
  @IsString() @MaxLength(4000) readonly result!: string;
  @IsArray() @ArrayMaxSize(10) @IsUUID('all', { each: true }) readonly evidenceAttachmentIds!: string[];
}
