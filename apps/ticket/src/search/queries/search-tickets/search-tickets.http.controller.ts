import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { SEARCH_DEFAULT_LIMIT } from '../../domain/search-request';
import { SearchTicketsQuery } from './search-tickets.query';
import { SearchTicketsRequestDto } from './search-tickets.request.dto';
import { SearchTicketsResponseDto } from './search-tickets.response.dto';

const DAY = 24 * 3600 * 1000;

/** A day means that day in Beijing time (the zone's); an instant is taken as given. */
function instant(value: string | undefined, endOfDay: boolean): Date | undefined {
  if (value === undefined) return undefined;
  if (value.length > 10) return new Date(value);
  const start = new Date(`${value}T00:00:00+08:00`);
  return endOfDay ? new Date(start.getTime() + DAY) : start;
}

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class SearchTicketsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('search')
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({
    summary:
      'Search the tickets you may see by number, enterprise name or credit code, and the words of title, description and replies; ranked, with the matching fragments',
  })
  @ApiOkResponse({
    type: SearchTicketsResponseDto,
    description: 'the tickets found, among those you may see',
  })
  @ApiBadRequestResponse({ description: 'q, a filter or the cursor is malformed (problem+json naming it)' })
  search(
    @Query() dto: SearchTicketsRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<SearchTicketsResponseDto> {
    return this.queries.execute(
      SearchTicketsQuery.create({
        user,
        q: dto.q,
        filters: {
          status: dto.status,
          category: dto.category,
          channel: dto.channel,
          gridId: dto.gridId,
          departmentId: dto.departmentId,
          from: instant(dto.from, false),
          to: instant(dto.to, true),
          overdue: dto.overdue,
        },
        limit: dto.limit ?? SEARCH_DEFAULT_LIMIT,
        cursor: dto.cursor ?? null,
      }),
    );
  }
}
