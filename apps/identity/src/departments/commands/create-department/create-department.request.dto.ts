import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsOptional, IsString, Matches, MaxLength, MinLength } from 'class-validator';

const trim = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

export class CreateDepartmentRequestDto {
  @ApiProperty({ example: 'civil_affairs', description: 'stable code used by routing rules', maxLength: 40 })
  @IsString({ message: 'code must be text' })
  @MaxLength(40, { message: 'code must be at most 40 characters' })
  @Matches(/^[a-z][a-z0-9_]{1,39}$/, {
    message: 'code must be 2-40 lowercase letters, digits or _ and start with a letter',
  })
  code!: string;

  @ApiProperty({ example: '民政局', maxLength: 60 })
  @Transform(trim)
  @IsString({ message: 'nameZh must be text' })
  @MinLength(1, { message: 'nameZh must not be empty' })
  @MaxLength(60, { message: 'nameZh must be at most 60 characters' })
  nameZh!: string;

  @ApiPropertyOptional({ example: 'Civil Affairs Bureau', maxLength: 120 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'nameEn must be text' })
  @MaxLength(120, { message: 'nameEn must be at most 120 characters' })
  nameEn?: string;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
