import { ApiPropertyOptional } from '@nestjs/swagger';
import { SlaTimerKind, SlaTimerKinds } from '@ticketing/contracts';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';

export class DepartmentQueueQueryDto {
  @ApiPropertyOptional({
    description: 'committee/admin: which department; a department user always sees its own',
    maxLength: 100,
  })
  @IsOptional()
  @IsString({ message: 'departmentId must be a string' })
  @MaxLength(100, { message: 'departmentId must be at most 100 characters' })
  departmentId?: string;

  @ApiPropertyOptional({ enum: SlaTimerKinds })
  @IsOptional()
  @IsIn([...SlaTimerKinds], { message: `kind must be one of ${SlaTimerKinds.join(', ')}` })
  kind?: SlaTimerKind;

  @ApiPropertyOptional({ default: 50, minimum: 1, maximum: 500 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(500, { message: 'limit must be at most 500' })
  limit?: number;

  @ApiPropertyOptional({ description: 'the nextCursor of the previous page', maxLength: 50 })
  @IsOptional()
  @MaxLength(50, { message: 'cursor must be a nextCursor from a previous page' })
  @Matches(/^\d{13}_[0-9a-f-]{36}$/, { message: 'cursor must be a nextCursor from a previous page' })
  cursor?: string;
}
