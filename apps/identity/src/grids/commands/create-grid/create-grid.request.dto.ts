import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';
import { lowerCaseIds } from '../../../shared/uuid.transform';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateGridRequestDto {
  @ApiProperty({ example: 'north', maxLength: 40 })
  @IsString({ message: 'code must be text' })
  @MaxLength(40, { message: 'code must be at most 40 characters' })
  @Matches(/^[a-z][a-z0-9_-]{1,39}$/, {
    message: 'code must be 2-40 lowercase letters, digits, _ or - and start with a letter',
  })
  code!: string;

  @ApiProperty({ example: '北区网格', maxLength: 60 })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(60, { message: 'name must be at most 60 characters' })
  name!: string;

  @ApiPropertyOptional({ type: [String], description: 'user ids of role instructor' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsArray({ message: 'instructorUserIds must be a list of user ids' })
  @ArrayMaxSize(200, { message: 'instructorUserIds may hold at most 200 ids' })
  @IsUUID('all', { each: true, message: 'instructorUserIds must hold UUIDs' })
  instructorUserIds?: string[];
}
