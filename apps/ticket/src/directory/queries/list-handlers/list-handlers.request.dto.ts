import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class ListHandlersRequestDto {
  @ApiPropertyOptional({ description: 'the committee: whose staff (required); a department: omit (its own)' })
  @IsOptional()
  @IsString({ message: 'departmentId must be text' })
  @IsNotEmpty({ message: 'departmentId must not be empty' })
  @MaxLength(100, { message: 'departmentId must be at most 100 characters' })
  departmentId?: string;
}
