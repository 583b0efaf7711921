import { Body, Controller, HttpCode, Post } from '@nestjs/common';
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
import { IdParam } from '@ticketing/platform';
import { actorOf } from '../../../common/actor';
import { RuleResponseDto } from '../../rule.dto';
import { SetRuleEnabledCommand } from './set-rule-enabled.command';
import { SetRuleEnabledRequestDto } from './set-rule-enabled.request.dto';

@ApiTags('dispatch rules')
@Controller('api/v1/dispatch/rules')
export class SetRuleEnabledHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/disable')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Disable a rule (rules are never deleted); makes a new version' })
  @ApiOkResponse({ type: RuleResponseDto, description: 'the rule at its new version, disabled' })
  @ApiBadRequestResponse({
    description: 'id is not a UUID, or expectedVersion is missing or not a whole number',
  })
  @ApiNotFoundResponse({ description: 'no such rule' })
  @ApiConflictResponse({ description: 'already disabled, or a stale expectedVersion' })
  async disable(
    @IdParam() id: string,
    @Body() body: SetRuleEnabledRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RuleResponseDto> {
    return RuleResponseDto.from(
      await this.commands.execute(
        SetRuleEnabledCommand.create({
          ruleId: id,
          enabled: false,
          expectedVersion: body.expectedVersion,
          actor: actorOf(user),
        }),
      ),
    );
  }

  @Post(':id/enable')
  @HttpCode(200)
  @Roles('committee')
  @ApiOperation({ summary: 'Enable a disabled rule again; makes a new version' })
  @ApiOkResponse({ type: RuleResponseDto, description: 'the rule at its new version, enabled' })
  @ApiBadRequestResponse({ description: 'a department the rule names is no longer known' })
  @ApiNotFoundResponse({ description: 'no such rule' })
  @ApiConflictResponse({ description: 'already enabled, or a stale expectedVersion' })
  async enable(
    @IdParam() id: string,
    @Body() body: SetRuleEnabledRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RuleResponseDto> {
    return RuleResponseDto.from(
      await this.commands.execute(
        SetRuleEnabledCommand.create({
          ruleId: id,
          enabled: true,
          expectedVersion: body.expectedVersion,
          actor: actorOf(user),
        }),
      ),
    );
  }
}
