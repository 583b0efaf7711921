import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/id.param';
import { ListQueryDto, Page } from '../../../shared/list.query.dto';
import { GridPageDto, GridResponseDto } from '../../grid.response.dto';
import { ListGridsHandler } from './list-grids.handler';

@ApiTags('identity: grids')
@Controller('api/v1/identity/grids')
export class ListGridsHttpController {
  constructor(private readonly handler: ListGridsHandler) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Grids with their instructors, searchable by code and name' })
  @ApiOkResponse({ type: GridPageDto })
  @ApiBadRequestResponse({ description: 'invalid q, cursor or limit' })
  list(@Query() query: ListQueryDto): Promise<Page<GridResponseDto>> {
    return this.handler.list(query);
  }

  @Get(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'One grid' })
  @ApiOkResponse({ type: GridResponseDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such grid' })
  get(@IdParam() id: string): Promise<GridResponseDto> {
    return this.handler.get(id);
  }
}
