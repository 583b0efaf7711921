import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MONTH_PATTERN } from '../../../shared/query-fields';

/** A month's report, for one department or all, as a workbook. */
export class MonthlyReportQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @Matches(MONTH_PATTERN)
  readonly month!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly departmentId?: string;
}
