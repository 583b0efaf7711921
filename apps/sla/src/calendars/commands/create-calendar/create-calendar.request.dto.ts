import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsString,
  Matches,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { OptionalNotNull } from '../../../http/optional-not-null';

/** One daily working period; the calendar library checks the times and their order. */
export class WorkingPeriodDto {
  @ApiProperty({ example: '09:00', maxLength: 5, description: 'HH:MM, local time' })
  @IsString({ message: 'start must be a time HH:MM' })
  @MaxLength(5, { message: 'start must be a time HH:MM' })
  start!: string;

  @ApiProperty({ example: '12:00', maxLength: 5, description: 'HH:MM, local time (24:00 allowed)' })
  @IsString({ message: 'end must be a time HH:MM' })
  @MaxLength(5, { message: 'end must be a time HH:MM' })
  end!: string;
}

/** Daily working periods, in order: an array of at most 12, each checked by WorkingPeriodDto. */
const WorkingHours = (): PropertyDecorator => (target, key) => {
  IsArray({ message: 'workingHours must be an array of {start, end} periods' })(target, key);
  ArrayMaxSize(12, { message: 'workingHours must have at most 12 periods' })(target, key);
  ValidateNested({ each: true })(target, key);
  Type(() => WorkingPeriodDto)(target, key);
};

const HOURS_EXAMPLE = [
  { start: '08:30', end: '12:00' },
  { start: '14:00', end: '18:00' },
];

export class CreateCalendarRequestDto {
  @ApiProperty({ example: 'zone-east', description: 'lower-case letters, digits, - and _', maxLength: 40 })
  @Matches(/^[a-z0-9][a-z0-9_-]{1,39}$/, { message: 'id must be 2–40 lower-case letters, digits, - or _' })
  id!: string;

  @ApiProperty({
    example: '东区',
    maxLength: 200,
    description: 'the Chinese name (the UI’s default language)',
  })
  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  name!: string;

  @ApiPropertyOptional({ example: 'East zone', maxLength: 200, description: 'the English name beside it' })
  @OptionalNotNull()
  @IsString({ message: 'nameEn must be a string' })
  @MinLength(1, { message: 'nameEn must not be empty' })
  @MaxLength(200, { message: 'nameEn must be at most 200 characters' })
  nameEn?: string;

  @ApiPropertyOptional({
    example: 'Asia/Shanghai',
    description: 'a fixed-offset zone (China has no DST)',
    maxLength: 64,
  })
  @OptionalNotNull()
  @IsString({ message: 'timeZone must be a string' })
  @MaxLength(64, { message: 'timeZone must be at most 64 characters' })
  timeZone?: string;

  @ApiPropertyOptional({ type: [WorkingPeriodDto], maxItems: 12, example: HOURS_EXAMPLE })
  @OptionalNotNull()
  @WorkingHours()
  workingHours?: WorkingPeriodDto[];

  @ApiPropertyOptional({
    enum: ['china', 'none'],
    description: "'china' (default): start with the built-in 2024–2026 State Council notices",
  })
  @OptionalNotNull()
  @IsIn(['china', 'none'], { message: "notices must be 'china' or 'none'" })
  notices?: 'china' | 'none';
}

export class SetWorkingHoursRequestDto {
  @ApiProperty({
    type: [WorkingPeriodDto],
    maxItems: 12,
    example: [
      { start: '09:00', end: '12:00' },
      { start: '13:30', end: '17:30' },
    ],
  })
  @WorkingHours()
  workingHours!: WorkingPeriodDto[];
}
