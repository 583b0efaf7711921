import { ArrayMaxSize, ArrayMinSize, IsArray, IsString, IsUUID, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

/** The committee links related tickets (one incident reported by several enterprises). */
export class LinkTicketsCommand extends PersonTicketCommand {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(20)
  @IsUUID('all', { each: true })
  readonly relatedTicketIds!: string[];
  @IsString() @MaxLength(2000) readonly reason!: string;
}
