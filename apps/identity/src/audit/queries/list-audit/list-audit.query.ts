import { Query } from '@ticketing/platform';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { DirectoryEntityTypes } from '../../../directory/domain/directory-record';

export class ListAuditQuery extends Query {
  @IsOptional() @IsIn(DirectoryEntityTypes) readonly entityType?: string;
  @IsOptional() @IsString() @MaxLength(64) readonly entityId?: string;
  @IsOptional() @IsString() @MaxLength(64) readonly actorId?: string;
  @IsOptional() @Matches(/^\d{1,18}$/) readonly cursor?: string;
  @IsInt() @Min(1) @Max(100) readonly limit!: number;
}
