import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  IsIn,
  IsNotEmpty,
  IsNumber,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { DAY } from '../../../shared/domain/zone-time';
import { EXTERNAL_ID } from '../../../shared/http/outreach-http';
import { MANUAL_KINDS } from './log-work.command';

export class LogWorkRequestDto {
  @ApiProperty({ example: '2026-03-09', description: 'YYYY-MM-DD, the zone’s day; today or earlier' })
  @IsString({ message: 'day must be text' })
  @Matches(DAY, { message: 'day must be YYYY-MM-DD' })
  day!: string;

  @ApiProperty({ enum: MANUAL_KINDS, description: 'visits are logged by themselves' })
  @IsIn([...MANUAL_KINDS], { message: `kind must be one of ${MANUAL_KINDS.join(', ')}` })
  kind!: (typeof MANUAL_KINDS)[number];

  @ApiProperty({ maxLength: 100 })
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title is required' })
  @MaxLength(100, { message: 'title must be at most 100 characters' })
  title!: string;

  @ApiPropertyOptional({ maxLength: 2000 })
  @IsOptional()
  @IsString({ message: 'content must be text' })
  @MaxLength(2000, { message: 'content must be at most 2000 characters' })
  content?: string;

  @ApiPropertyOptional({ description: 'an enterprise of your grids, when the work was for one' })
  @IsOptional()
  @IsString({ message: 'enterpriseId must be text' })
  @Matches(EXTERNAL_ID, { message: 'enterpriseId must be an enterprise id' })
  enterpriseId?: string;

  @ApiPropertyOptional({ minimum: 0.1, maximum: 24, example: 2.5 })
  @IsOptional()
  @IsNumber({ maxDecimalPlaces: 1 }, { message: 'hours must be a number with at most one decimal' })
  @Min(0.1, { message: 'hours must be at least 0.1' })
  @Max(24, { message: 'hours must be at most 24' })
  hours?: number;
}
