import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Min } from 'class-validator';

export class SetRuleEnabledRequestDto {
  @ApiProperty({ description: 'the version the caller saw; a stale one gets 409' })
  @IsInt()
  @Min(1)
  expectedVersion!: number;
}
