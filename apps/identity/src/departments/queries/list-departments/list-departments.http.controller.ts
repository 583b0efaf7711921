import { Controller, Get, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { IdParam } from '../../../shared/id.param';
import { ListQueryDto, Page } from '../../../shared/list.query.dto';
import { DepartmentPageDto, DepartmentResponseDto } from '../../department.response.dto';
import { ListDepartmentsHandler } from './list-departments.handler';

@ApiTags('identity: departments')
@Controller('api/v1/identity/departments')
export class ListDepartmentsHttpController {
  constructor(private readonly handler: ListDepartmentsHandler) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Departments, by id, searchable by code and names' })
  @ApiOkResponse({ type: DepartmentPageDto })
  @ApiBadRequestResponse({ description: 'invalid q, cursor or limit' })
  list(@Query() query: ListQueryDto): Promise<Page<DepartmentResponseDto>> {
    return this.handler.list(query);
  }

  @Get(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'One department' })
  @ApiOkResponse({ type: DepartmentResponseDto })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such department' })
  get(@IdParam() id: string): Promise<DepartmentResponseDto> {
    return this.handler.get(id);
  }
}
