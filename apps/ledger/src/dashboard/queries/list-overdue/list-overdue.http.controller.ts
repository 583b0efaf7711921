import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiPropertyOptional,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { Type } from 'class-transformer';
import { IsIn, IsInt, IsOptional, Max, Min } from 'class-validator';
import { OptionalId } from '../../../shared/query-fields';
import { TicketList } from '../../../shared/ticket-view';
import { ListOverdueQuery } from './list-overdue.query';
import { OverdueListDto } from '../../dashboard.response.dto';

export class ListOverdueRequestDto {
  @OptionalId('departmentId')
  departmentId?: string;

  @ApiPropertyOptional({ enum: ['yellow', 'red'] })
  @IsOptional()
  @IsIn(['yellow', 'red'], { message: 'level must be yellow or red' })
  level?: 'yellow' | 'red';

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 200 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'limit must be a whole number between 1 and 1000' })
  @Min(1, { message: 'limit must be a whole number between 1 and 1000' })
  @Max(1000, { message: 'limit must be a whole number between 1 and 1000' })
  limit?: number;
}

@ApiTags('ledger: dashboard')
@Controller('api/v1/ledger/dashboard/overdue')
export class ListOverdueHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'admin', 'department')
  @ApiOperation({
    summary: 'Open tickets with a yellow (deadline close) or red (deadline passed) card, red first',
  })
  @ApiOkResponse({ type: OverdueListDto, description: 'the tickets with a card, red first' })
  @ApiBadRequestResponse({ description: 'level or limit out of range (the field is named)' })
  overdue(@CurrentUser() user: AuthUser, @Query() q: ListOverdueRequestDto): Promise<TicketList> {
    return this.queries.execute<ListOverdueQuery, TicketList>(
      ListOverdueQuery.create({ user, departmentId: q.departmentId, level: q.level, limit: q.limit ?? 200 }),
    );
  }
}
