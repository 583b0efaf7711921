import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, Matches, MaxLength } from 'class-validator';

export class ExplainRoutingRequestDto {
  @ApiProperty({ example: '厂区停水', maxLength: 200 })
  @IsString()
  @MaxLength(200)
  title!: string;

  @ApiProperty({ example: '昨晚起水管爆裂，影响生产', maxLength: 5000 })
  @IsString()
  @MaxLength(5000)
  description!: string;

  @ApiProperty({ example: 'utilities', maxLength: 40 })
  @MaxLength(40)
  @Matches(/^[a-z][a-z0-9_]{0,39}$/, { message: 'category must be a category code like utilities' })
  category!: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  gridId?: string;

  @ApiPropertyOptional({ maxLength: 100 })
  @IsOptional()
  @IsString()
  @IsNotEmpty()
  @MaxLength(100)
  enterpriseId?: string;
}
