import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform, Type } from 'class-transformer';
import {
  IsBoolean,
  IsDateString,
  IsIn,
  IsInt,
  IsOptional,
  IsString,
  Matches,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { TicketChannel, TicketChannels, TicketStatus, TicketStatuses } from '@ticketing/contracts';
import { TicketFlag, TicketFlags, TicketListFilter, TicketSort, TicketSorts } from './list-tickets.query';

const DAY = /^(20\d\d)-\d\d-\d\d$/;

const toList = ({ value }: { value: unknown }) =>
  (Array.isArray(value) ? value : typeof value === 'string' ? value.split(',') : [value])
    .map((v) => String(v).trim())
    .filter(Boolean);

export class ListTicketsRequestDto implements TicketListFilter {
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

  @ApiPropertyOptional({ description: '承办人: only the tickets you handle (true)' })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'assignedToMe must be true or false' })
  assignedToMe?: boolean;

  @ApiPropertyOptional({ description: 'only the tickets this person handles (a user id, GET /handlers)' })
  @IsOptional()
  @IsString({ message: 'handlerUserId must be text' })
  @MaxLength(100, { message: 'handlerUserId must be at most 100 characters' })
  handlerUserId?: string;

  @ApiPropertyOptional({
    description:
      '待回访: resolved tickets whose feedback window lapsed without a rating (the callback queue)',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'awaitingCallback must be true or false' })
  awaitingCallback?: boolean;

  @ApiPropertyOptional({
    description: '补充材料: tickets whose question waits for the enterprise’s answer (true) or not',
  })
  @IsOptional()
  @Transform(({ value }) => (value === 'true' ? true : value === 'false' ? false : value))
  @IsBoolean({ message: 'awaitingInformation must be true or false' })
  awaitingInformation?: boolean;

  @ApiPropertyOptional({ description: 'comma-separated channels (受理渠道)', example: 'phone,walk_in' })
  @IsOptional()
  @Transform(toList)
  @IsIn([...TicketChannels], {
    each: true,
    message: `channel must hold channels among ${TicketChannels.join(', ')}`,
  })
  channel?: TicketChannel[];

  @ApiPropertyOptional({ description: 'only the tickets this department leads or co-handles' })
  @IsOptional()
  @IsString({ message: 'departmentId must be text' })
  @MaxLength(100, { message: 'departmentId must be at most 100 characters' })
  departmentId?: string;

  @ApiPropertyOptional({
    enum: TicketFlags,
    description: 'the card: red (a deadline passed), yellow (one close, none passed)',
  })
  @IsOptional()
  @IsIn([...TicketFlags], { message: `flag must be one of ${TicketFlags.join(', ')}` })
  flag?: TicketFlag;

  @ApiPropertyOptional({ format: 'date', description: 'submitted on or after this day (Beijing time)' })
  @IsOptional()
  @Matches(DAY, { message: 'submittedFrom must be a day (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'submittedFrom must be a day (YYYY-MM-DD)' })
  submittedFrom?: string;

  @ApiPropertyOptional({
    format: 'date',
    description: 'submitted on or before this day (Beijing time); not before submittedFrom',
  })
  @IsOptional()
  @Matches(DAY, { message: 'submittedTo must be a day (YYYY-MM-DD)' })
  @IsDateString({ strict: true }, { message: 'submittedTo must be a day (YYYY-MM-DD)' })
  submittedTo?: string;

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
