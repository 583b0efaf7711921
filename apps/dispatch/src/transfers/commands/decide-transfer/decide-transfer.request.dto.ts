import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsNotEmpty,
  IsOptional,
  IsString,
  MaxLength,
} from 'class-validator';

export class DecideTransferRequestDto {
  @ApiProperty()
  @IsBoolean()
  approved!: boolean;

  @ApiPropertyOptional({
    description: 'required when approved: the new lead, not the department that asked',
    maxLength: 100,
  })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  leadDepartmentId?: string;

  @ApiPropertyOptional({ type: [String], description: 'approved only; default: the current co-handlers' })
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @IsNotEmpty({ each: true, message: 'each of coHandlerDepartmentIds must be non-empty' })
  @MaxLength(100, { each: true, message: 'each of coHandlerDepartmentIds must be at most 100 characters' })
  coHandlerDepartmentIds?: string[];

  @ApiProperty({ description: "the committee's reasons; final and recorded", maxLength: 2000 })
  @IsString()
  @IsNotEmpty()
  @MaxLength(2000)
  note!: string;
}
