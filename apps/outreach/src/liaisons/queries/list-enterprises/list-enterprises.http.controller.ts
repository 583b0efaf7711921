import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { EnterpriseListResponseDto } from '../liaisons.response.dto';
import { ListEnterprisesQuery } from './list-enterprises.query';
import { ListEnterprisesRequestDto } from './list-enterprises.request.dto';

@ApiTags('outreach: liaisons')
@Controller('api/v1/outreach/enterprises')
export class ListEnterprisesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({
    summary:
      'Enterprises with their liaisons: an instructor’s grids, an enterprise itself, everyone for the others',
  })
  @ApiOkResponse({
    type: EnterpriseListResponseDto,
    description: 'the enterprises you may see, with their liaisons',
  })
  @ApiBadRequestResponse({ description: 'a filter is malformed (named)' })
  list(
    @Query() q: ListEnterprisesRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<EnterpriseListResponseDto> {
    return this.queries.execute(
      ListEnterprisesQuery.create({
        user,
        keyEnterprise: q.keyEnterprise,
        gridId: q.gridId,
        cursor: q.cursor,
        limit: q.limit,
      }),
    );
  }
}
