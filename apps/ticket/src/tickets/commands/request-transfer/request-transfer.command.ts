import { IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class RequestTransferCommand extends PersonTicketCommand {
  @IsString() @MaxLength(2000) readonly reason!: string;
}
