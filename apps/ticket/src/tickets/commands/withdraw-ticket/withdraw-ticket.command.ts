import { IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class WithdrawTicketCommand extends PersonTicketCommand {
  @IsString() @MaxLength(1000) readonly reason!: string;
}
