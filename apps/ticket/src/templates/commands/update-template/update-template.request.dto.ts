import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';

export class UpdateTemplateRequestDto {
  @ApiProperty({ minimum: 1, description: 'the version you saw; a stale one gets 409' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(2_147_483_647, { message: 'expectedVersion must be at most 2147483647' })
  expectedVersion!: number;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString({ message: 'title must be text' })
  @IsNotEmpty({ message: 'title must not be empty' })
  @MaxLength(100, { message: 'title must be at most 100 characters' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 2000, description: 'placeholders: {enterprise} {number} {deadline}' })
  @IsOptional()
  @IsString({ message: 'body must be text' })
  @IsNotEmpty({ message: 'body must not be empty' })
  @MaxLength(2000, { message: 'body must be at most 2000 characters' })
  body?: string;
}
