import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { DecisionChangedResponseDto } from '../../decision-changed.response.dto';
import { CloseDecisionCommand } from './close-decision.command';
import { CloseDecisionRequestDto } from './close-decision.request.dto';

@ApiTags('meetings: decisions')
@Controller('api/v1/meetings/decisions')
export class CloseDecisionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/close')
  @HttpCode(200)
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'Close a decision with its outcome (solved, unsolved, withdrawn), naming the meeting that heard it',
  })
  @ApiOkResponse({ type: DecisionChangedResponseDto, description: 'the decision, closed' })
  @ApiBadRequestResponse({
    description: 'a field is missing or malformed, or the meeting does not have it as a follow-up (named)',
  })
  @ApiForbiddenResponse({ description: 'only the committee and admin close decisions' })
  @ApiNotFoundResponse({ description: 'no such decision' })
  @ApiConflictResponse({ description: 'already closed, or expectedVersion is stale' })
  close(
    @IdParam() id: string,
    @Body() dto: CloseDecisionRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DecisionChangedResponseDto> {
    return this.commands.execute(
      CloseDecisionCommand.create({
        user,
        decisionId: id,
        expectedVersion: dto.expectedVersion,
        outcome: dto.outcome,
        note: dto.note,
        meetingId: dto.meetingId ?? null,
      }),
    );
  }
}
