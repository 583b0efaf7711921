import { Body, Controller, HttpCode, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { IdParam } from '@ticketing/platform';
import { CreatePolicyCommand, PolicySaved } from './create-policy.command';
import { CreatePolicyRequestDto, UpdatePolicyRequestDto } from './save-policy.request.dto';
import { PolicySavedResponseDto } from './save-policy.response.dto';
import { UpdatePolicyCommand } from './update-policy.command';

@ApiTags('sla · policies')
@Controller('api/v1/sla/policies')
export class SavePolicyHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'Create a policy for a category × urgency (either may be *); it applies to timers opened from now on',
  })
  @ApiCreatedResponse({ type: PolicySavedResponseDto, description: 'the policy’s id, at version 1' })
  @ApiBadRequestResponse({
    description:
      'unknown category or urgency, bad durations, duplicate warnings or steps, the scope is already covered, ' +
      'or a reply would be due after the resolution',
  })
  create(@Body() body: CreatePolicyRequestDto, @CurrentUser() user: AuthUser): Promise<PolicySaved> {
    return this.commands.execute(
      CreatePolicyCommand.create({
        name: body.name,
        nameEn: body.nameEn ?? null,
        subject: body.subject ?? 'ticket',
        category: body.category,
        urgency: body.urgency,
        definition: body.definition,
        actorId: user.id,
      }),
    );
  }

  @Put(':policyId')
  @Roles('committee', 'admin')
  @ApiOperation({
    summary: "Edit a policy: writes a new version; the policy's open timers are recomputed in the background",
  })
  @ApiOkResponse({ type: PolicySavedResponseDto, description: 'the policy’s id and its new version' })
  @ApiBadRequestResponse({ description: 'bad definition, or a reply would be due after the resolution' })
  @ApiNotFoundResponse({ description: 'no such policy' })
  @ApiConflictResponse({ description: 'expectedVersion is stale' })
  update(
    @IdParam('policyId') id: string,
    @Body() body: UpdatePolicyRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<PolicySaved> {
    return this.commands.execute(
      UpdatePolicyCommand.create({
        policyId: id,
        expectedVersion: body.expectedVersion,
        name: body.name ?? null,
        nameEn: body.nameEn ?? null,
        definition: body.definition,
        actorId: user.id,
      }),
    );
  }
}
