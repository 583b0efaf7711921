import { ApiProperty } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { MAX_INT4 } from '../../../common/int4';

export class SetRuleEnabledRequestDto {
  @ApiProperty({
    description: 'the version the caller saw; a stale one gets 409',
    minimum: 1,
    maximum: MAX_INT4,
  })
  @IsInt()
  @Min(1)
  @Max(MAX_INT4)
  expectedVersion!: number;
}
