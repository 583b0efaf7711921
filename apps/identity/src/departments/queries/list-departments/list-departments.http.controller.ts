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
import { GetDepartmentQuery } from '../get-department/get-department.query';
import { SearchPageQueryDto } from '../../../shared/search-page.query.dto';
import { DepartmentPageDto, DepartmentResponseDto } from '../../department.response.dto';
import { ListDepartmentsQuery } from './list-departments.query';

@ApiTags('identity: departments')
@Controller('api/v1/identity/departments')
export class ListDepartmentsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'Departments, by id, searchable by code and names' })
  @ApiOkResponse({ type: DepartmentPageDto, description: 'a page of departments' })
  @ApiBadRequestResponse({ description: 'invalid q, cursor or limit' })
  list(@Query() query: SearchPageQueryDto): Promise<Page<DepartmentResponseDto>> {
    return this.queries.execute(
      ListDepartmentsQuery.create({
        q: query.q,
        cursor: query.cursor,
        limit: query.limit ?? DEFAULT_PAGE_SIZE,
      }),
    );
  }

  @Get(':id')
  @Roles('admin', 'committee')
  @ApiOperation({ summary: 'One department' })
  @ApiOkResponse({ type: DepartmentResponseDto, description: 'the department' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such department' })
  get(@IdParam() id: string): Promise<DepartmentResponseDto> {
    return this.queries.execute(GetDepartmentQuery.create({ departmentId: id }));
  }
}
