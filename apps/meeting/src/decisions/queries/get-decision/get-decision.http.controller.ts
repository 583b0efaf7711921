import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { DecisionResponseDto } from '../../decision.response.dto';
import { GetDecisionQuery } from './get-decision.query';

@ApiTags('meetings: decisions')
@Controller('api/v1/meetings/decisions')
export class GetDecisionHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get(':id')
  @Roles('enterprise', 'department', 'committee', 'admin')
  @ApiOperation({ summary: 'One decision with its reports, deadline and flag' })
  @ApiOkResponse({ type: DecisionResponseDto, description: 'the decision' })
  @ApiForbiddenResponse({ description: 'instructors have no part in meetings' })
  @ApiNotFoundResponse({ description: 'no such decision, or not one you may see' })
  get(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<DecisionResponseDto> {
    return this.queries.execute(GetDecisionQuery.create({ user, decisionId: id }));
  }
}
