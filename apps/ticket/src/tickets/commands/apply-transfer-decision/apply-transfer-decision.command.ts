import { IsArray, IsBoolean, IsOptional, IsString } from 'class-validator';
import { SystemTicketCommand } from '../ticket-command';

/** dispatch.transfer-decided: the committee's final word on a transfer request. */
export class ApplyTransferDecisionCommand extends SystemTicketCommand {
  @IsBoolean() readonly approved!: boolean;
  @IsOptional() @IsString() readonly leadDepartmentId!: string | null;
  @IsArray() @IsString({ each: true }) readonly coHandlerDepartmentIds!: string[];
  @IsString() readonly note!: string;
}
