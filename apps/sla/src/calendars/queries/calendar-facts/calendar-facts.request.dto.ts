import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNumber, IsOptional, Max, MaxLength, Min } from 'class-validator';

export class DeadlineQueryDto {
  @ApiProperty({ example: '2025-01-24T10:00:00+08:00', maxLength: 40 })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 instant' })
  @MaxLength(40, { message: 'from must be an ISO 8601 instant' })
  from!: string;

  @ApiPropertyOptional({ example: 5, minimum: 0, maximum: 3650 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'workingDays must be a whole number' })
  @Min(0, { message: 'workingDays must not be negative' })
  @Max(3650)
  workingDays?: number;

  @ApiPropertyOptional({ example: 4, minimum: 0, maximum: 100000 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'workingHours must be a number' })
  @Min(0, { message: 'workingHours must not be negative' })
  @Max(100000)
  workingHours?: number;
}
