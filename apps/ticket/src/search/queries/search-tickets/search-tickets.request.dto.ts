import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { TicketChannel, TicketChannels, TicketStatus, TicketStatuses } from '@ticketing/contracts';
import { Transform, Type } from 'class-transformer';
import {
  ArrayMaxSize,
  IsBoolean,
  IsIn,
  IsInt,
  IsISO8601,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { SEARCH_MAX_LIMIT, SEARCH_MAX_QUERY_LENGTH } from '../../domain/search-request';

const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value])
    .map((v) => String(v).trim())
    .filter(Boolean);
const toBoolean = ({ value }: { value: unknown }) =>
  value === 'true' ? true : value === 'false' ? false : value;

/** A date (a day in Beijing time) or an instant with its offset. */
const DATE_OR_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,6})?)?(Z|[+-]\d{2}:\d{2}))?$/;

export class SearchTicketsRequestDto {
  @ApiProperty({
    description:
      'what to look for: a ticket number, an enterprise name or credit code, words of the title, description or replies (Chinese words need no spaces; words separated by spaces must all occur)',
    example: '停水',
    minLength: 1,
    maxLength: SEARCH_MAX_QUERY_LENGTH,
  })
  @IsString({ message: 'q must be text' })
  @Transform(({ value }) => (typeof value === 'string' ? value.trim() : value))
  @MinLength(1, { message: 'q is required: what to look for' })
  @MaxLength(SEARCH_MAX_QUERY_LENGTH, {
    message: `q must be at most ${SEARCH_MAX_QUERY_LENGTH} characters`,
  })
  q!: string;

  @ApiPropertyOptional({ description: 'comma-separated statuses', example: 'assigned,in_progress' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(TicketStatuses.length, { message: 'status lists too many statuses' })
  @IsIn([...TicketStatuses], {
    each: true,
    message: `status must hold statuses among ${TicketStatuses.join(', ')}`,
  })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'comma-separated category codes', example: 'utilities' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(50, { message: 'category lists at most 50 codes' })
  @IsString({ each: true, message: 'category must hold category codes' })
  @MaxLength(50, { each: true, message: 'category codes are at most 50 characters' })
  category?: string[];

  @ApiPropertyOptional({ description: 'comma-separated channels (受理渠道)', example: 'web,phone' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(TicketChannels.length, { message: 'channel lists too many channels' })
  @IsIn([...TicketChannels], {
    each: true,
    message: `channel must hold channels among ${TicketChannels.join(', ')}`,
  })
  channel?: TicketChannel[];

  @ApiPropertyOptional({ description: 'comma-separated grid ids' })
  @IsOptional()
  @Transform(toList)
  @ArrayMaxSize(50, { message: 'gridId lists at most 50 grids' })
  @IsString({ each: true, message: 'gridId must hold grid ids' })
  @MaxLength(100, { each: true, message: 'grid ids are at most 100 characters' })
  gridId?: string[];

  @ApiPropertyOptional({ description: 'tickets this department leads or co-handles' })
  @IsOptional()
  @IsString({ message: 'departmentId must be text' })
  @MaxLength(100, { message: 'departmentId must be at most 100 characters' })
  departmentId?: string;

  @ApiPropertyOptional({
    description: 'submitted on or after: a day (Beijing time) or an instant',
    example: '2026-01-01',
  })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'from must be a date (2026-01-31) or an instant with its offset' })
  @IsISO8601({ strict: true }, { message: 'from must be a real date' })
  from?: string;

  @ApiPropertyOptional({
    description: 'submitted before the end of this day (Beijing time), or before this instant',
    example: '2026-03-31',
  })
  @IsOptional()
  @Matches(DATE_OR_INSTANT, { message: 'to must be a date (2026-03-31) or an instant with its offset' })
  @IsISO8601({ strict: true }, { message: 'to must be a real date' })
  to?: string;

  @ApiPropertyOptional({ description: 'only tickets past their respond/resolve deadline (or flagged red)' })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ minimum: 1, maximum: SEARCH_MAX_LIMIT, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: `limit must be a whole number between 1 and ${SEARCH_MAX_LIMIT}` })
  @Min(1, { message: `limit must be a whole number between 1 and ${SEARCH_MAX_LIMIT}` })
  @Max(SEARCH_MAX_LIMIT, { message: `limit must be a whole number between 1 and ${SEARCH_MAX_LIMIT}` })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsString({ message: 'cursor must be the nextCursor of a previous page' })
  @Matches(/^[A-Za-z0-9_-]{1,200}$/, { message: 'cursor must be the nextCursor of a previous page' })
  cursor?: string;
}
