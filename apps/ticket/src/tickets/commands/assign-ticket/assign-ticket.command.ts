import { IsArray, IsIn, IsOptional, IsString, MinLength } from 'class-validator';
import { SystemTicketCommand } from '../ticket-command';

/** dispatch.decided: the desk (by rule or by hand) named the lead and the co-handlers. */
export class AssignTicketCommand extends SystemTicketCommand {
  @IsString() @MinLength(1) readonly leadDepartmentId!: string;
  @IsArray() @IsString({ each: true }) readonly coHandlerDepartmentIds!: string[];
  @IsIn(['rule', 'manual']) readonly via!: 'rule' | 'manual';
  @IsOptional() @IsString() readonly ruleId!: string | null;
  @IsString() readonly explanation!: string;
}
