import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

/** Counters and rates of the last weeks or months, up to now. */
export class GetTrendsQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsIn(['week', 'month'])
  readonly granularity!: 'week' | 'month';

  @IsInt()
  @Min(1)
  @Max(52)
  readonly periods!: number;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly departmentId?: string;
}
