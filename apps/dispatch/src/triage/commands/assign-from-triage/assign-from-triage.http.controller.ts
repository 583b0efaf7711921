import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { actorOf } from '../../../common/actor';
import { AssignFromTriageCommand } from './assign-from-triage.command';
import { AssignFromTriageRequestDto, TicketIdParam } from './assign-from-triage.request.dto';
import { DispatchDecisionResponseDto } from './assign-from-triage.response.dto';

@ApiTags('dispatch triage')
@Controller('api/v1/dispatch/triage')
export class AssignFromTriageHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':ticketId/assign')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Route a ticket from the triage queue by hand (dispatch.decided via manual)' })
  @ApiOkResponse({ type: DispatchDecisionResponseDto, description: 'the decision as made' })
  @ApiBadRequestResponse({
    description:
      'ticketId is not a UUID, or a field is invalid (named in errors): an unknown or inactive department …',
  })
  @ApiNotFoundResponse({ description: 'the ticket is not known to the dispatch desk' })
  @ApiConflictResponse({
    description: 'the ticket is not (any more) in triage; `state` names where it is',
  })
  async assign(
    @Param() p: TicketIdParam,
    @Body() body: AssignFromTriageRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DispatchDecisionResponseDto> {
    const ticket = await this.commands.execute(
      AssignFromTriageCommand.create({
        ticketId: p.ticketId,
        leadDepartmentId: body.leadDepartmentId,
        coHandlerDepartmentIds: body.coHandlerDepartmentIds,
        note: body.note,
        actor: actorOf(user),
      }),
    );
    return DispatchDecisionResponseDto.from(ticket);
  }
}
