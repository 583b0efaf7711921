import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsInt, IsOptional, IsString, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** The code is not changeable: routing rules elsewhere refer to it. */
export class UpdateDepartmentRequestDto {
  @ApiPropertyOptional({ example: '人力资源和社会保障局' })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'nameZh must be text' })
  @MinLength(1, { message: 'nameZh must not be empty' })
  @MaxLength(60, { message: 'nameZh must be at most 60 characters' })
  nameZh?: string;

  @ApiPropertyOptional({ nullable: true })
  @ValidateIf((_, v) => v !== undefined && v !== null)
  @Transform(trim)
  @IsString({ message: 'nameEn must be text' })
  @MaxLength(120, { message: 'nameEn must be at most 120 characters' })
  nameEn?: string | null;

  @ApiPropertyOptional()
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;

  @ApiPropertyOptional({ description: 'the version you saw; a stale one gets 409' })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be at least 1' })
  expectedVersion?: number;
}
