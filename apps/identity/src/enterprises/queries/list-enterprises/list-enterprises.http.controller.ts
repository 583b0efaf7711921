import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { DEFAULT_PAGE_SIZE, IdParam, Page } from '@ticketing/platform';
import { GetEnterpriseQuery } from '../get-enterprise/get-enterprise.query';
import { EnterprisePageDto, EnterpriseResponseDto } from '../../enterprise.response.dto';
import { ListEnterprisesQuery } from './list-enterprises.query';
import { ListEnterprisesQueryDto } from './list-enterprises.query.dto';

@ApiTags('identity: enterprises')
@Controller('api/v1/identity/enterprises')
export class ListEnterprisesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'committee', 'instructor')
  @ApiOperation({
    summary: 'Enterprises, searchable by name, credit code and industry',
    description: 'An instructor gets only the enterprises of their own grids.',
  })
  @ApiOkResponse({ type: EnterprisePageDto, description: 'a page of enterprises' })
  @ApiBadRequestResponse({ description: 'invalid q, gridId, cursor or limit' })
  list(
    @Query() query: ListEnterprisesQueryDto,
    @CurrentUser() user: AuthUser,
  ): Promise<Page<EnterpriseResponseDto>> {
    return this.queries.execute(
      ListEnterprisesQuery.create({
        user,
        q: query.q,
        gridId: query.gridId,
        cursor: query.cursor,
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
      }),
    );
  }

  @Get(':id')
  @Roles('admin', 'committee', 'instructor', 'enterprise')
  @ApiOperation({
    summary:
      'One enterprise profile (for an instructor, only within their grids; for an enterprise, its own)',
  })
  @ApiOkResponse({ type: EnterpriseResponseDto, description: 'the enterprise' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({
    description: "no such enterprise, not in the instructor's grids, or not the caller's own",
  })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<EnterpriseResponseDto> {
    return this.queries.execute(GetEnterpriseQuery.create({ user, enterpriseId: id }));
  }
}
