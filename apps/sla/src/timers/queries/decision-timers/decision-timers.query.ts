import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsString, MaxLength, MinLength } from 'class-validator';

/** A joint meeting decision's clock, for the committee, the admin and the decision's departments. */
export class DecisionTimersQuery extends Query {
  @IsDefined() readonly user!: AuthUser;
  @IsString({ message: 'decisionId must be a string' })
  @MinLength(1, { message: 'decisionId must not be empty' })
  @MaxLength(100, { message: 'decisionId must be at most 100 characters' })
  readonly decisionId!: string;
}
