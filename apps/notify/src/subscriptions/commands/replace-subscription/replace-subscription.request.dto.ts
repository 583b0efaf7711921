import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsInt, IsOptional, Min } from 'class-validator';
import { SubscriptionRequestDto } from '../create-subscription/create-subscription.request.dto';

export class ReplaceSubscriptionRequestDto extends SubscriptionRequestDto {
  @ApiPropertyOptional({ description: 'the version you saw; a newer one answers 409' })
  @IsOptional()
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be at least 1' })
  expectedVersion?: number;
}
