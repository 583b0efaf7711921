import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { DEFAULT_PAGE_SIZE, IdParam, Page } from '@ticketing/platform';
import { GetGridQuery } from '../get-grid/get-grid.query';
import { SearchPageQueryDto } from '../../../shared/search-page.query.dto';
import { GridPageDto, GridResponseDto } from '../../grid.response.dto';
import { ListGridsQuery } from './list-grids.query';

@ApiTags('identity: grids')
@Controller('api/v1/identity/grids')
export class ListGridsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Grids with their instructors, searchable by code and name' })
  @ApiOkResponse({ type: GridPageDto, description: 'a page of grids' })
  @ApiBadRequestResponse({ description: 'invalid q, cursor or limit' })
  list(@Query() query: SearchPageQueryDto): Promise<Page<GridResponseDto>> {
    return this.queries.execute(
      ListGridsQuery.create({ q: query.q, cursor: query.cursor, limit: query.limit ?? DEFAULT_PAGE_SIZE }),
    );
  }

  @Get(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'One grid' })
  @ApiOkResponse({ type: GridResponseDto, description: 'the grid, with its instructors' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such grid' })
  get(@IdParam() id: string): Promise<GridResponseDto> {
    return this.queries.execute(GetGridQuery.create({ gridId: id }));
  }
}
