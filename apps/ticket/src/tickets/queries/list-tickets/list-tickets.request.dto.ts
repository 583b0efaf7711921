import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import { IsBoolean, IsIn, IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { TicketStatus, TicketStatuses } from '@ticketing/contracts';

const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value])
    .map((v) => String(v).trim())
    .filter(Boolean);

export const TicketSorts = ['newest', 'deadline'] as const;
export type TicketSort = (typeof TicketSorts)[number];

export class ListTicketsRequestDto {
  @ApiPropertyOptional({ description: 'comma-separated statuses', example: 'assigned,in_progress' })
  @IsOptional()
  @Transform(toList)
  @IsIn([...TicketStatuses], {
    each: true,
    message: `status must hold statuses among ${TicketStatuses.join(', ')}`,
  })
  status?: TicketStatus[];

  @ApiPropertyOptional({ description: 'comma-separated category codes' })
  @IsOptional()
  @Transform(toList)
  @IsString({ each: true, message: 'category must hold category codes' })
  @MaxLength(50, { each: true, message: 'category codes are at most 50 characters' })
  category?: string[];

  @ApiPropertyOptional({
    description: 'only tickets whose respond/resolve deadline falls within this many hours from now',
  })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'dueSoonHours must be a whole number of hours' })
  @Min(1, { message: 'dueSoonHours must be at least 1' })
  @Max(24 * 90, { message: 'dueSoonHours must be at most 2160' })
  dueSoonHours?: number;

  @ApiPropertyOptional({ description: 'only tickets past their respond/resolve deadline (or flagged red)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'overdue must be true or false' })
  overdue?: boolean;

  @ApiPropertyOptional({ description: 'only tickets whose extension request waits for the committee' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'pendingExtension must be true or false' })
  pendingExtension?: boolean;

  @ApiPropertyOptional({ description: 'only this enterprise (committee, admin, instructor)' })
  @IsOptional()
  @IsString({ message: 'enterpriseId must be text' })
  @MaxLength(100, { message: 'enterpriseId must be at most 100 characters' })
  enterpriseId?: string;

  @ApiPropertyOptional({
    enum: TicketSorts,
    default: 'newest',
    description: 'deadline: the nearest current deadline first',
  })
  @IsOptional()
  @IsIn([...TicketSorts], { message: `sort must be one of ${TicketSorts.join(', ')}` })
  sort?: TicketSort;

  @ApiPropertyOptional({ minimum: 1, maximum: 100, default: 20 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number' })
  @Min(1, { message: 'limit must be at least 1' })
  @Max(100, { message: 'limit must be at most 100' })
  limit?: number;

  @ApiPropertyOptional({ description: 'nextCursor of the previous page (opaque)' })
  @IsOptional()
  @IsString({ message: 'cursor must be text' })
  @MaxLength(500, { message: 'cursor is malformed' })
  cursor?: string;
}
