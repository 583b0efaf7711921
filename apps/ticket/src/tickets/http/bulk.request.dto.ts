import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import {
  ArrayMaxSize,
  ArrayMinSize,
  IsArray,
  IsInt,
  IsUUID,
  Max,
  Min,
  ValidateNested,
} from 'class-validator';
import { MAX_VERSION } from '../commands/ticket-command';

export const BULK_MAX = 50;

/** One ticket of a bulk action, with the version the caller saw of it. */
export class BulkItemDto {
  @ApiProperty({ format: 'uuid' })
  @IsUUID('all', { message: 'ticketId must be a ticket id (uuid)' })
  ticketId!: string;

  @ApiProperty({ minimum: 1, description: 'the ticket version you saw; a stale one fails that item (409)' })
  @IsInt({ message: 'expectedVersion must be a whole number' })
  @Min(1, { message: 'expectedVersion must be 1 or more' })
  @Max(MAX_VERSION, { message: `expectedVersion must be at most ${MAX_VERSION}` })
  expectedVersion!: number;
}

export class BulkRequestDto {
  @ApiProperty({ type: [BulkItemDto], minItems: 1, maxItems: BULK_MAX })
  @IsArray({ message: 'items must be a list of { ticketId, expectedVersion }' })
  @ArrayMinSize(1, { message: 'items must name at least one ticket' })
  @ArrayMaxSize(BULK_MAX, { message: `items may name at most ${BULK_MAX} tickets` })
  @ValidateNested({ each: true })
  @Type(() => BulkItemDto)
  items!: BulkItemDto[];
}
