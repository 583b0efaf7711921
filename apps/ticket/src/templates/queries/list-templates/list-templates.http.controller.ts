import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { ListTemplatesQuery } from './list-templates.query';
import { ListTemplatesRequestDto } from './list-templates.request.dto';
import { TemplateListResponseDto } from './list-templates.response.dto';

@ApiTags('tickets: reply templates')
@Controller('api/v1/tickets/templates')
export class ListTemplatesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles('committee', 'department')
  @ApiOperation({
    summary:
      'Reply templates (常用语) for the reply boxes: a department gets the zone’s and its own, the committee all',
  })
  @ApiOkResponse({ type: TemplateListResponseDto, description: 'the templates you may use' })
  @ApiBadRequestResponse({ description: 'departmentId malformed, or given by a department' })
  list(
    @Query() dto: ListTemplatesRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<TemplateListResponseDto> {
    return this.queries.execute(ListTemplatesQuery.create({ user, departmentId: dto.departmentId }));
  }
}
