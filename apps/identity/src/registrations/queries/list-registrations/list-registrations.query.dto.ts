import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, IsUUID, Max, Min } from 'class-validator';
import { lowerCaseIds } from '../../../shared/uuid.transform';
import { RegistrationStatus, RegistrationStatuses } from '../../domain/registration.aggregate';

export class ListRegistrationsQueryDto {
  @ApiPropertyOptional({ enum: RegistrationStatuses, default: 'pending' })
  @IsOptional()
  @IsIn(RegistrationStatuses, { message: `status must be one of ${RegistrationStatuses.join(', ')}` })
  status?: RegistrationStatus;

  @ApiPropertyOptional({ format: 'uuid', description: 'nextCursor of the previous page' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'cursor must be a UUID' })
  cursor?: string;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 100' })
  @Min(1, { message: 'limit must be a whole number between 1 and 100' })
  @Max(100, { message: 'limit must be a whole number between 1 and 100' })
  limit?: number;
}
