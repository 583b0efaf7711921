import { IsString, MaxLength } from 'class-validator';
import { PersonTicketCommand } from '../ticket-command';

/** 补充材料: the lead department asks the enterprise a question or for documents. */
export class RequestInformationCommand extends PersonTicketCommand {
  @IsString() @MaxLength(2000) readonly question!: string;
}
