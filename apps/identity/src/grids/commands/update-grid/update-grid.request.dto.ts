import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { lowerCaseIds } from '../../../shared/uuid.transform';
import { OmittedOrValid } from '../../../shared/not-null';
import { MAX_VERSION } from '../../../shared/version';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class UpdateGridRequestDto {
  @ApiPropertyOptional({ example: '东区网格', maxLength: 60 })
  @OmittedOrValid()
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(60, { message: 'name must be at most 60 characters' })
  name?: string;

  @ApiPropertyOptional({ type: [String], description: 'the full new list of instructor user ids' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsArray({ message: 'instructorUserIds must be a list of user ids' })
  @ArrayMaxSize(200, { message: 'instructorUserIds may hold at most 200 ids' })
  @IsUUID('all', { each: true, message: 'instructorUserIds must hold UUIDs' })
  instructorUserIds?: string[];

  @ApiPropertyOptional({
    description: 'the version you saw; a stale one gets 409',
    minimum: 1,
    maximum: MAX_VERSION,
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be at least 1' })
  @Max(MAX_VERSION, { message: `expectedVersion must be at most ${MAX_VERSION}` })
  expectedVersion?: number;
}
