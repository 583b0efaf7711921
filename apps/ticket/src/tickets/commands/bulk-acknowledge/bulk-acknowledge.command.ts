import { IsOptional, IsString, MaxLength } from 'class-validator';
import { BulkTicketCommand } from '../../bulk';

/** 批量签收: the department signs for several tickets it leads, each as its own acknowledgement. */
export class BulkAcknowledgeCommand extends BulkTicketCommand {
  @IsOptional() @IsString() @MaxLength(1000) readonly note!: string | null;
}
