import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListTemplatesRequestDto {
  @ApiPropertyOptional({
    description:
      'the committee: the zone’s templates and this department’s only (default: every department’s)',
  })
  @IsOptional()
  @IsString({ message: 'departmentId must be text' })
  @IsNotEmpty({ message: 'departmentId must not be empty' })
  @MaxLength(100, { message: 'departmentId must be at most 100 characters' })
  departmentId?: string;
}
