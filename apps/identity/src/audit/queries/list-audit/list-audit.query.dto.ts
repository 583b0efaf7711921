import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@ticketing/platform';
import { IsIn, IsOptional, IsString, Matches, MaxLength } from 'class-validator';
import { DirectoryEntityTypes } from '../../../directory/domain/directory-record';

export class ListAuditQueryDto extends PageQuery(100) {
  @ApiPropertyOptional({ enum: DirectoryEntityTypes })
  @IsOptional()
  @IsIn(DirectoryEntityTypes, {
    message: 'entityType must be one of user, enterprise, department, grid',
  })
  entityType?: string;

  @ApiPropertyOptional({ maxLength: 64 })
  @IsOptional()
  @IsString({ message: 'entityId must be text' })
  @MaxLength(64, { message: 'entityId must be at most 64 characters' })
  entityId?: string;

  @ApiPropertyOptional({ description: 'who acted (user id)', maxLength: 64 })
  @IsOptional()
  @IsString({ message: 'actorId must be text' })
  @MaxLength(64, { message: 'actorId must be at most 64 characters' })
  actorId?: string;
}

// The cursor here is the order of record (a bigint): anything else could only fail in SQL.
Matches(/^\d{1,18}$/, { message: 'cursor must be the nextCursor of a previous page' })(
  ListAuditQueryDto.prototype,
  'cursor',
);
