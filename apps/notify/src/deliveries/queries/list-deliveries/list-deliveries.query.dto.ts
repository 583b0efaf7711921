import { ApiPropertyOptional } from '@nestjs/swagger';
import { PageQuery } from '@ticketing/platform';
import { IsIn, IsOptional, IsUUID } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '../../domain/delivery.aggregate';

export class ListDeliveriesQueryDto extends PageQuery(100) {
  @ApiPropertyOptional({ enum: DELIVERY_STATUSES })
  @IsOptional()
  @IsIn(DELIVERY_STATUSES, { message: `status must be one of ${DELIVERY_STATUSES.join(', ')}` })
  status?: DeliveryStatus;

  @ApiPropertyOptional()
  @IsOptional()
  @IsUUID('all', { message: 'subscriptionId must be a UUID' })
  subscriptionId?: string;
}
