import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { VisitResponseDto } from '../../visit.response.dto';
import { GetVisitQuery } from './get-visit.query';

@ApiTags('outreach: visits')
@Controller('api/v1/outreach/visits')
export class GetVisitHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('enterprise', 'instructor', 'committee', 'admin')
  @ApiOperation({
    summary: 'One visit with the tickets its problems became (the enterprise: without internal notes)',
  })
  @ApiOkResponse({ type: VisitResponseDto, description: 'the visit' })
  @ApiNotFoundResponse({ description: 'no such visit, or not one you can see' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<VisitResponseDto> {
    return this.queries.execute(GetVisitQuery.create({ user, visitId: id }));
  }
}
