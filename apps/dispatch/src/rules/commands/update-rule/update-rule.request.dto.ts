import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';
import { RuleContentDto } from '../../rule.dto';

export class UpdateRuleRequestDto extends RuleContentDto {
  @ApiProperty({ description: 'the version the editor saw; a stale one gets 409' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
