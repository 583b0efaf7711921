import { AuthUser } from '@ticketing/auth';
import { DecisionProgress, DecisionProgressKind } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDefined, IsIn, IsInt, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';

/** A department reports progress (or that it is done) on a decision it leads or co-handles. */
export class ReportDecisionCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID('all') readonly decisionId!: string;
  @IsInt() @Min(1) @Max(2_147_483_647) readonly expectedVersion!: number;
  @IsIn([...DecisionProgress]) readonly progress!: DecisionProgressKind;
  @IsString() @MaxLength(2000) readonly report!: string;
}
