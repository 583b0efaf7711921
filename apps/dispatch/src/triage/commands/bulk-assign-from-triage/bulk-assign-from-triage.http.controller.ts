import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { actorOf } from '../../../common/actor';
import { BulkAssignFromTriageCommand } from './bulk-assign-from-triage.command';
import { BulkAssignFromTriageRequestDto } from './bulk-assign-from-triage.request.dto';
import { BulkTriageResultDto } from './bulk-assign-from-triage.response.dto';

@ApiTags('dispatch triage')
@Controller('api/v1/dispatch/triage')
export class BulkAssignFromTriageHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('bulk-assign')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({
    summary: 'Route several tickets from the triage queue to the same departments (批量分派)',
    description:
      'Each ticket is assigned as POST /triage/{ticketId}/assign would assign it alone: its own transaction and checks, one dispatch.decided (via manual) each. One refused ticket does not stop the others. 200 with one result per ticket, in the order given: ok, or the problem that ticket alone would have answered (404, 409 with `state`, 400).',
  })
  @ApiOkResponse({ type: BulkTriageResultDto, description: 'the outcome of each ticket, in the order given' })
  @ApiBadRequestResponse({
    description:
      'the request itself is wrong (ticketIds empty, over 100, repeated or not uuids; an unknown or inactive department; an empty note): nothing is done',
  })
  handle(
    @Body() body: BulkAssignFromTriageRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<BulkTriageResultDto> {
    return this.commands.execute(
      BulkAssignFromTriageCommand.create({
        ticketIds: body.ticketIds,
        leadDepartmentId: body.leadDepartmentId,
        coHandlerDepartmentIds: body.coHandlerDepartmentIds,
        note: body.note,
        actor: actorOf(user),
      }),
    );
  }
}
