import { AuthUser } from '@ticketing/auth';
import { DecisionOutcome, DecisionOutcomes } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** The committee closes a decision with its outcome, usually at the next meeting (named). */
export class CloseDecisionCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly decisionId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
  @IsIn([...DecisionOutcomes]) readonly outcome!: DecisionOutcome;
  @IsString() @MaxLength(2000) readonly note!: string;
  @IsOptional() @IsUUID('all') readonly meetingId!: string | null;
}
