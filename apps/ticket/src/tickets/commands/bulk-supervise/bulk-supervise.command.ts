import { IsIn, IsString, MaxLength } from 'class-validator';
import { BulkTicketCommand } from '../../bulk';
import { SupervisionLevel, SupervisionLevels } from '../supervise-ticket/supervise-ticket.command';

/** 批量督办: the committee urges or supervises several tickets, each as its own supervision. */
export class BulkSuperviseCommand extends BulkTicketCommand {
  @IsIn([...SupervisionLevels]) readonly level!: SupervisionLevel;
  @IsString() @MaxLength(2000) readonly note!: string;
}
