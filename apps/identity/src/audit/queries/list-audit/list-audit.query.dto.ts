import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class ListAuditQueryDto {
  @ApiPropertyOptional({ enum: ['user', 'enterprise', 'department', 'grid'] })
  @IsOptional()
  @IsIn(['user', 'enterprise', 'department', 'grid'], { message: 'entityType must be one of user, enterprise, department, grid' })
  entityType?: string;

  @ApiPropertyOptional()
  @IsOptional()
  @IsString({ message: 'entityId must be text' })
  @MaxLength(64, { message: 'entityId must be at most 64 characters' })
  entityId?: string;

  @ApiPropertyOptional({ description: 'who acted (user id)' })
  @IsOptional()
  @IsString({ message: 'actorId must be text' })
  @MaxLength(64, { message: 'actorId must be at most 64 characters' })
  actorId?: string;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (newest first)' })
  @IsOptional()
  @Matches(/^\d{1,18}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 100' })
  @Min(1, { message: 'limit must be a whole number between 1 and 100' })
  @Max(100, { message: 'limit must be a whole number between 1 and 100' })
  limit?: number;
}
