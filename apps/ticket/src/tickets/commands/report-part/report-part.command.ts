import { IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

export class ReportPartCommand extends PersonTicketCommand {
  @IsString() @MaxLength(4000) readonly content!: string;
}
