import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DATE_PATTERN } from '../../../shared/query-fields';

/** The 问题台账 of the tickets submitted in a period, as a file. */
export class ExportLedgerQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @Matches(DATE_PATTERN)
  readonly from!: string;

  @Matches(DATE_PATTERN)
  readonly to!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly departmentId?: string;

  @IsIn(['xlsx', 'csv'])
  readonly format!: 'xlsx' | 'csv';
}
