import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { CandidatesResponseDto } from '../../meeting.response.dto';
import { ListCandidatesQuery } from './list-candidates.query';

@ApiTags('meetings')
@Controller('api/v1/meetings')
export class ListCandidatesHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('candidates')
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'Agenda candidates: tickets the escalation ladder (or supervision) sent to the joint meeting, and open decisions to follow up',
  })
  @ApiOkResponse({ type: CandidatesResponseDto, description: 'the candidates for an agenda' })
  @ApiForbiddenResponse({ description: 'only the committee and admin run meetings' })
  list(@CurrentUser() user: AuthUser): Promise<CandidatesResponseDto> {
    return this.queries.execute(ListCandidatesQuery.create({ user }));
  }
}
