import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { MONTH_PATTERN } from '../../../shared/query-fields';
import { EXPLAINABLE_KEYS, ExplainableKey } from '../../domain/figures';

/** One figure of one month taken apart: the tickets in its numerator and denominator. */
export class ExplainFigureQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @IsIn(EXPLAINABLE_KEYS)
  readonly figure!: ExplainableKey;

  @Matches(MONTH_PATTERN)
  readonly month!: string;

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
}
