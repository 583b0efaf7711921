import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
  MinLength,
  ValidateNested,
} from 'class-validator';
import { lowerCaseIds } from '../../../shared/uuid.transform';
import { EnterpriseContactDto, trim, upperTrim } from '../../enterprise.request.parts';
import { IsCreditCode } from '../../is-credit-code.validator';

export class CreateEnterpriseRequestDto {
  @ApiProperty({ example: '六枝特区恒达机械制造有限公司', maxLength: 100 })
  @Transform(trim)
  @IsString({ message: 'name must be text' })
  @MinLength(2, { message: 'name must be at least 2 characters' })
  @MaxLength(100, { message: 'name must be at most 100 characters' })
  name!: string;

  @ApiProperty({
    example: '91110000600037341L',
    description: '统一社会信用代码, checked with GB 32100-2015',
    maxLength: 18,
  })
  @Transform(upperTrim)
  @IsCreditCode()
  creditCode!: string;

  @ApiPropertyOptional({ example: '装备制造', maxLength: 40 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'industry must be text' })
  @MaxLength(40, { message: 'industry must be at most 40 characters' })
  industry?: string;

  @ApiPropertyOptional({ example: '六枝特区平寨镇工业园区3号', maxLength: 200 })
  @IsOptional()
  @Transform(trim)
  @IsString({ message: 'address must be text' })
  @MaxLength(200, { message: 'address must be at most 200 characters' })
  address?: string;

  @ApiPropertyOptional({ format: 'uuid' })
  @IsOptional()
  @Transform(lowerCaseIds)
  @IsUUID('all', { message: 'gridId must be a UUID' })
  gridId?: string;

  @ApiPropertyOptional({ type: [EnterpriseContactDto] })
  @IsOptional()
  @IsArray({ message: 'contacts must be a list' })
  @ArrayMaxSize(10, { message: 'contacts may hold at most 10 people' })
  @ValidateNested({ each: true })
  @Type(() => EnterpriseContactDto)
  contacts?: EnterpriseContactDto[];

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean({ message: 'active must be true or false' })
  active?: boolean;
}
