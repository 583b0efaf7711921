import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, IsString, Matches, Max, MaxLength, Min } from 'class-validator';
import { OptionalId } from '../../../shared/query-fields';

export class ListEntriesRequestDto {
  @OptionalId('ticketId')
  ticketId?: string;

  @ApiPropertyOptional({ description: 'a ticket number, e.g. CS-2026-000123' })
  @IsOptional()
  @IsString({ message: 'number must be a ticket number such as CS-2026-000123' })
  @Matches(/^CS-\d{4}-\d{6,}$/, { message: 'number must be a ticket number such as CS-2026-000123' })
  number?: string;

  @ApiPropertyOptional({ description: 'an event type, e.g. ticket.acknowledged' })
  @IsOptional()
  @IsString({ message: 'type must be an event type such as ticket.acknowledged' })
  @MaxLength(100, { message: 'type must be at most 100 characters' })
  @Matches(/^[a-z]+\.[a-z-]+$/, { message: 'type must be an event type such as ticket.acknowledged' })
  type?: string;

  @ApiPropertyOptional({ description: 'cursor: list entries before this sequence number (newest first)' })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'before must be a positive whole number (a sequence number)' })
  @Min(1, { message: 'before must be a positive whole number (a sequence number)' })
  before?: number;

  @ApiPropertyOptional({ minimum: 1, maximum: 200, default: 50 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 200' })
  @Min(1, { message: 'limit must be a whole number between 1 and 200' })
  @Max(200, { message: 'limit must be a whole number between 1 and 200' })
  limit?: number;
}
