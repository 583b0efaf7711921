import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsString, Matches, MaxLength } from 'class-validator';
import { MONTH_PATTERN } from '../../../shared/query-fields';

/** One department's month, drilled into. */
export class GetDepartmentQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsString()
  @MaxLength(100)
  readonly departmentId!: string;

  @Matches(MONTH_PATTERN)
  readonly month!: string;
}
