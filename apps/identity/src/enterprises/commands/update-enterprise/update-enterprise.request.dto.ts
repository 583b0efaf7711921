import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
  ValidateNested,
} from 'class-validator';
import { lowerCaseIds } from '../../../shared/uuid.transform';
import { OmittedOrValid } from '../../../shared/not-null';
import { MAX_VERSION } from '../../../shared/version';
import { EnterpriseContactDto, trim, upperTrim } from '../../enterprise.request.parts';
import { IsCreditCode } from '../../is-credit-code.validator';

/** Only what is given changes; null clears an optional field. */
export class UpdateEnterpriseRequestDto {
  @ApiPropertyOptional({ maxLength: 100 })
  @OmittedOrValid()
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name?: string;

  @ApiPropertyOptional({
    description: '统一社会信用代码 (a correction); checked with GB 32100-2015',
    maxLength: 18,
  })
  @OmittedOrValid()
  @Transform(upperTrim)
  @IsCreditCode()
  creditCode?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 40 })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Transform(trim)
  @IsString({ message: 'industry must be text' })
  @MaxLength(40, { message: 'industry must be at most 40 characters' })
  industry?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 200 })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Transform(trim)
  @IsString({ message: 'address must be text' })
  @MaxLength(200, { message: 'address must be at most 200 characters' })
  address?: string | null;

  @ApiPropertyOptional({ nullable: true, type: String, format: 'uuid' })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId?: string | null;

  @ApiPropertyOptional({ type: [EnterpriseContactDto], description: 'the full new list of contacts' })
  @IsOptional()
  @IsArray({ message: 'contacts must be a list' })
  @ArrayMaxSize(10, { message: 'contacts may hold at most 10 people' })
  @ValidateNested({ each: true })
  @Type(() => EnterpriseContactDto)
  contacts?: EnterpriseContactDto[];

  @ApiPropertyOptional()
  @OmittedOrValid()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

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
