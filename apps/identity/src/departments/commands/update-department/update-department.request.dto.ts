import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import {
  IsBoolean,
  IsInt,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
  MinLength,
  ValidateIf,
} from 'class-validator';
import { OmittedOrValid } from '../../../shared/not-null';
import { MAX_VERSION } from '../../../shared/version';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The code is not changeable: routing rules elsewhere refer to it. */
export class UpdateDepartmentRequestDto {
  @ApiPropertyOptional({ example: '人力资源和社会保障局', maxLength: 60 })
  @OmittedOrValid()
  @Transform(trim)
  @IsString({ message: 'nameZh must be text' })
  @MinLength(1, { message: 'nameZh must not be empty' })
  @MaxLength(60, { message: 'nameZh must be at most 60 characters' })
  nameZh?: string;

  @ApiPropertyOptional({ nullable: true, type: String, maxLength: 120 })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Transform(trim)
  @IsString({ message: 'nameEn must be text' })
  @MaxLength(120, { message: 'nameEn must be at most 120 characters' })
  nameEn?: string | null;

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
