import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsUUID } from 'class-validator';

export class ReorderRulesRequestDto {
  @ApiProperty({
    type: [String],
    description: 'every rule id (disabled ones included), first to be tried first',
  })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(1000)
  @IsUUID('all', { each: true, message: 'each of ruleIds must be a rule id (UUID)' })
  ruleIds!: string[];
}
