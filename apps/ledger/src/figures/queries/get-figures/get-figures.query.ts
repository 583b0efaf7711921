import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MONTH_PATTERN } from '../../../shared/query-fields';
import { GroupBy } from '../../infrastructure/figures.reader';

/** Counters and rates over months, filtered and grouped. */
export class GetFiguresQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsOptional()
  @Matches(MONTH_PATTERN)
  readonly from?: string;

  @IsOptional()
  @Matches(MONTH_PATTERN)
  readonly to?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly departmentId?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly category?: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly gridId?: string;

  @IsIn(['none', 'department', 'category', 'grid', 'month'])
  readonly groupBy!: GroupBy;
}
