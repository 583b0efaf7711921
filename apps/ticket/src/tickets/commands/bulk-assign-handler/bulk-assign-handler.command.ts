import { IsOptional, IsString, MaxLength, MinLength } from 'class-validator';
import { BulkTicketCommand } from '../../bulk';

/** 批量指派承办人: the lead department hands several tickets to one of its staff (or to nobody). */
export class BulkAssignHandlerCommand extends BulkTicketCommand {
  @IsOptional() @IsString() @MinLength(1) @MaxLength(100) readonly handlerUserId!: string | null;
}
