import { Query } from '@ticketing/platform';
import { IsIn, IsInt, IsOptional, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { DELIVERY_STATUSES, DeliveryStatus } from '../../domain/delivery.aggregate';

export class ListDeliveriesQuery extends Query {
  @IsOptional() @IsIn(DELIVERY_STATUSES) readonly status?: DeliveryStatus;
  @IsOptional() @IsUUID() readonly subscriptionId?: string;
  /** nextCursor of the previous page: the id of its last delivery (they are listed by id, newest first). */
  @IsOptional() @IsString() @MaxLength(200) readonly cursor?: string;
  @IsInt() @Min(1) @Max(100) readonly limit!: number;
}
