import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { CategoryResponseDto } from './category.response.dto';
import { ListCategoriesQuery } from './list-categories.query';

@ApiTags('tickets')
@Controller('api/v1/tickets/categories')
export class ListCategoriesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('enterprise', 'instructor', 'department', 'committee', 'admin')
  @ApiOperation({ summary: 'The categories a ticket may be filed under, in display order' })
  @ApiOkResponse({ type: [CategoryResponseDto], description: 'every category, in display order' })
  list(): Promise<CategoryResponseDto[]> {
    return this.queries.execute(ListCategoriesQuery.create({}));
  }
}
