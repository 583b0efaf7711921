import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import { SubscriptionRequestDto } from '../create-subscription/create-subscription.request.dto';

/** The version column is an int4: a larger number can never be current, and is refused as such. */
const MAX_VERSION = 2147483647;

export class ReplaceSubscriptionRequestDto extends SubscriptionRequestDto {
  @ApiPropertyOptional({
    description: 'the version you saw; a newer one answers 409',
    minimum: 1,
    maximum: MAX_VERSION,
  })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be at least 1' })
  @Max(MAX_VERSION, { message: `expectedVersion must be at most ${MAX_VERSION}` })
  expectedVersion?: number;
}
