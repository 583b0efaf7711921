import { Command } from '@ticketing/platform';
import { IsDate, IsIn, IsOptional, IsString, MaxLength, MinLength } from 'class-validator';

/** What an sla.* event with subject `decision` says of the decision's clock. */
export class RecordDecisionClockCommand extends Command {
  @IsString() @MinLength(1) readonly decisionId!: string;
  /** sla.deadline-set: the deadline (null: none, e.g. paused without one). */
  @IsOptional() @IsDate() readonly dueAt?: Date | null;
  @IsOptional() @IsIn(['yellow', 'red']) readonly flag?: 'yellow' | 'red';
  @IsOptional() @IsString() @MaxLength(50) readonly escalation?: string;
}
