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
import { RegistrationResponseDto } from '../../registration.response.dto';
import { RejectRegistrationCommand } from './reject-registration.command';
import { RejectRegistrationRequestDto } from './reject-registration.request.dto';

@ApiTags('identity: registrations')
@Controller('api/v1/identity/registrations')
export class RejectRegistrationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/reject')
  @HttpCode(200)
  @Roles('committee', 'admin')
  @ApiOperation({ summary: 'Reject an application with a reason' })
  @ApiOkResponse({ type: RegistrationResponseDto, description: 'the application, rejected with its reason' })
  @ApiBadRequestResponse({ description: 'id is not a UUID, or reason missing / too long' })
  @ApiNotFoundResponse({ description: 'no such application' })
  @ApiConflictResponse({ description: 'already decided (illegalTransition)' })
  reject(
    @IdParam() id: string,
    @Body() dto: RejectRegistrationRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<RegistrationResponseDto> {
    return this.commands.execute(
      RejectRegistrationCommand.create({ user, registrationId: id, reason: dto.reason }),
    );
  }
}
