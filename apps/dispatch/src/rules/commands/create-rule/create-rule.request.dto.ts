import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, Max, Min } from 'class-validator';
import { RuleContentDto } from '../../rule.dto';

export class CreateRuleRequestDto extends RuleContentDto {
  @ApiPropertyOptional({
    description: 'lower runs first; default: after every existing rule',
    minimum: 0,
    maximum: 1_000_000,
  })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  priority?: number;

  @ApiPropertyOptional({ default: true })
  @IsOptional()
  @IsBoolean()
  enabled?: boolean;
}
