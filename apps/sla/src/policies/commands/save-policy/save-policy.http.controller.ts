import { Body, Controller, HttpCode, Param, ParseUUIDPipe, Post, Put } from '@nestjs/common';
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
import { SavePolicyHandler } from './save-policy.handler';
import { CreatePolicyRequestDto, UpdatePolicyRequestDto } from './save-policy.request.dto';

@ApiTags('sla · policies')
@Controller('api/v1/sla/policies')
export class SavePolicyHttpController {
  constructor(private readonly handler: SavePolicyHandler) {}

  @Post()
  @HttpCode(201)
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Create a policy for a category × urgency (either may be *); it applies to timers opened from now on' })
  @ApiCreatedResponse({ description: '{ id, version: 1 }' })
  @ApiBadRequestResponse({ description: 'unknown category or urgency, bad durations, duplicate warnings or steps, or the scope is already covered' })
  create(@Body() body: CreatePolicyRequestDto, @CurrentUser() user: AuthUser) {
    return this.handler.create(body, user.id);
  }

  @Put(':policyId')
  @Roles('committee', 'admin')
  @ApiOperation({ summary: "Edit a policy: writes a new version; the policy's open timers are recomputed in the background" })
  @ApiOkResponse({ description: '{ id, version }' })
  @ApiBadRequestResponse({ description: 'bad definition' })
  @ApiNotFoundResponse({ description: 'no such policy' })
  @ApiConflictResponse({ description: 'expectedVersion is stale' })
  update(@Param('policyId', new ParseUUIDPipe()) id: string, @Body() body: UpdatePolicyRequestDto, @CurrentUser() user: AuthUser) {
    return this.handler.update(id, body, user.id);
  }
}
