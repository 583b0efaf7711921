import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { DecisionChangedResponseDto } from '../../decision-changed.response.dto';
import { ReportDecisionCommand } from './report-decision.command';
import { ReportDecisionRequestDto } from './report-decision.request.dto';

@ApiTags('meetings: decisions')
@Controller('api/v1/meetings/decisions')
export class ReportDecisionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reports')
  @HttpCode(201)
  @Roles('department')
  @ApiOperation({
    summary: 'The lead or a co-handling department reports progress or completion on its decision',
  })
  @ApiCreatedResponse({
    type: DecisionChangedResponseDto,
    description: 'the decision with the report recorded',
  })
  @ApiBadRequestResponse({ description: 'a field is missing or malformed (named); nothing is written' })
  @ApiForbiddenResponse({ description: 'only departments report' })
  @ApiNotFoundResponse({ description: 'no such decision, or not one of your department’s' })
  @ApiConflictResponse({
    description: 'the decision is closed or already reported done by its lead, or expectedVersion is stale',
  })
  report(
    @IdParam() id: string,
    @Body() dto: ReportDecisionRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<DecisionChangedResponseDto> {
    return this.commands.execute(
      ReportDecisionCommand.create({
        user,
        decisionId: id,
        expectedVersion: dto.expectedVersion,
        progress: dto.progress,
        report: dto.report,
      }),
    );
  }
}
