import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalId } from '../../../shared/query-fields';

const NUMBER_MESSAGE = 'number must be a ticket number such as CS-2026-000123';
/**
 * The entries' seq is a bigint; the service reads it as a JavaScript number, exact up to 2^53 - 1
 * (about 9 × 10^15 entries, far beyond any chain). A larger cursor is refused rather than rounded.
 */
const BEFORE_MESSAGE = 'before must be a positive whole number (a sequence number)';

export class ListEntriesRequestDto {
  @OptionalId('ticketId')
  ticketId?: string;

  @ApiPropertyOptional({ description: 'a ticket number, e.g. CS-2026-000123', maxLength: 40 })
  @IsOptional()
  @IsString({ message: NUMBER_MESSAGE })
  @MaxLength(40, { message: NUMBER_MESSAGE })
  @Matches(/^CS-\d{4}-\d{6,}$/, { message: NUMBER_MESSAGE })
  number?: string;

  @ApiPropertyOptional({ description: 'an event type, e.g. ticket.acknowledged', maxLength: 100 })
  @IsOptional()
  @IsString({ message: 'type must be an event type such as ticket.acknowledged' })
  @MaxLength(100, { message: 'type must be at most 100 characters' })
  @Matches(/^[a-z]+\.[a-z-]+$/, { message: 'type must be an event type such as ticket.acknowledged' })
  type?: string;

  @ApiPropertyOptional({
    description: 'cursor: list entries before this sequence number (newest first)',
    minimum: 1,
    maximum: Number.MAX_SAFE_INTEGER,
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: BEFORE_MESSAGE })
  @Min(1, { message: BEFORE_MESSAGE })
  @Max(Number.MAX_SAFE_INTEGER, {
    message: `before must be at most ${Number.MAX_SAFE_INTEGER} (a sequence number)`,
  })
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 200' })
  @Min(1, { message: 'limit must be a whole number between 1 and 200' })
  @Max(200, { message: 'limit must be a whole number between 1 and 200' })
  limit?: number;
}
