import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsNotEmpty, IsOptional, IsString, MaxLength } from 'class-validator';

export class FindSimilarTicketsRequestDto {
  @ApiPropertyOptional({ maxLength: 100, description: 'the title typed so far' })
  @IsOptional()
  @IsString({ message: 'title must be text' })
  @MaxLength(100, { message: 'title must be at most 100 characters' })
  title?: string;

  @ApiPropertyOptional({ maxLength: 4000, description: 'the description typed so far' })
  @IsOptional()
  @IsString({ message: 'description must be text' })
  @MaxLength(4000, { message: 'description must be at most 4000 characters' })
  description?: string;

  @ApiPropertyOptional({
    description:
      'instructors and committee staff: the enterprise you write for (required); enterprises: omit (your own)',
  })
  @IsOptional()
  @IsString({ message: 'enterpriseId must be text' })
  @IsNotEmpty({ message: 'enterpriseId must not be empty' })
  @MaxLength(100, { message: 'enterpriseId must be at most 100 characters' })
  enterpriseId?: string;
}
