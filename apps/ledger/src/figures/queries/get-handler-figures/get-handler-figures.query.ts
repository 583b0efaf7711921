import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MONTH_PATTERN } from '../../../shared/query-fields';

/** One department's figures per handler (承办人) over months. */
export class GetHandlerFiguresQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly departmentId?: string;

  @IsOptional()
  @Matches(MONTH_PATTERN)
  readonly from?: string;

  @IsOptional()
  @Matches(MONTH_PATTERN)
  readonly to?: string;
}
