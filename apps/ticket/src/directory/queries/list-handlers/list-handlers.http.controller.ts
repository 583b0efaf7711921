import { Controller, Get, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { HandlerListResponseDto } from './handler-list.response.dto';
import { ListHandlersQuery } from './list-handlers.query';
import { ListHandlersRequestDto } from './list-handlers.request.dto';

@ApiTags('tickets')
@Controller('api/v1/tickets')
export class ListHandlersHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('handlers')
  @Roles('department', 'committee')
  @ApiOperation({
    summary: 'Who a department may hand a ticket to (承办人): its active staff, from the directory',
  })
  @ApiOkResponse({ type: HandlerListResponseDto, description: 'the department’s active staff' })
  @ApiBadRequestResponse({
    description: 'departmentId missing (committee) or another department’s (department)',
  })
  list(@Query() dto: ListHandlersRequestDto, @CurrentUser() user: AuthUser): Promise<HandlerListResponseDto> {
    return this.queries.execute(ListHandlersQuery.create({ user, departmentId: dto.departmentId }));
  }
}
