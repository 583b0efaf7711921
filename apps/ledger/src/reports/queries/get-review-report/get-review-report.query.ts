import { AuthUser } from '@ticketing/auth';
import { Query } from '@ticketing/platform';
import { IsDefined, IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

/** 季度督查 (a quarter) or 年度考评 (a year): as the report model, or rendered. */
export class GetReviewReportQuery extends Query {
  @IsDefined()
  readonly user!: AuthUser;

  @Matches(/^\d{4}(-Q[1-4])?$/)
  readonly period!: string;

  @IsOptional()
  @IsString()
  @MaxLength(100)
  readonly departmentId?: string;

  @IsIn(['json', 'xlsx', 'pdf'])
  readonly format!: 'json' | 'xlsx' | 'pdf';
}
