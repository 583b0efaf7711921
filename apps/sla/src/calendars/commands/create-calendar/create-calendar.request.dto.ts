import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Allow, IsIn, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateCalendarRequestDto {
  @ApiProperty({ example: 'zone-east', description: 'lower-case letters, digits, - and _' })
  @Matches(/^[a-z0-9][a-z0-9_-]{1,39}$/, { message: 'id must be 2–40 lower-case letters, digits, - or _' })
  id!: string;

  @ApiProperty({ example: '东区 East zone' })
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiPropertyOptional({ example: 'Asia/Shanghai', description: 'a fixed-offset zone (China has no DST)' })
  @IsOptional()
  @IsString({ message: 'timeZone must be a string' })
  timeZone?: string;

  @ApiPropertyOptional({ example: [{ start: '08:30', end: '12:00' }, { start: '14:00', end: '18:00' }] })
  @IsOptional()
  @Allow()
  workingHours?: unknown;

  @ApiPropertyOptional({ enum: ['china', 'none'], description: "'china' (default): start with the built-in 2024–2026 State Council notices" })
  @IsOptional()
  @IsIn(['china', 'none'], { message: "notices must be 'china' or 'none'" })
  notices?: 'china' | 'none';
}

export class SetWorkingHoursRequestDto {
  @ApiProperty({ example: [{ start: '09:00', end: '12:00' }, { start: '13:30', end: '17:30' }] })
  @Allow()
  workingHours!: unknown;
}
