import { Controller, HttpCode, Post } from '@nestjs/common';
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
import { ApproveRegistrationCommand } from './approve-registration.command';

@ApiTags('identity: registrations')
@Controller('api/v1/identity/registrations')
export class ApproveRegistrationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':id/approve')
  @HttpCode(200)
  @Roles('committee', 'admin')
  @ApiOperation({
    summary:
      'Approve an application: creates the enterprise and its user (directory.enterprise-upserted, directory.user-upserted)',
  })
  @ApiOkResponse({ type: RegistrationResponseDto, description: 'the application, approved' })
  @ApiBadRequestResponse({ description: 'id is not a UUID' })
  @ApiNotFoundResponse({ description: 'no such application' })
  @ApiConflictResponse({
    description:
      'already decided (illegalTransition), or the credit code / username was taken meanwhile (errors[] names the field)',
  })
  approve(@IdParam() id: string, @CurrentUser() user: AuthUser): Promise<RegistrationResponseDto> {
    return this.commands.execute(ApproveRegistrationCommand.create({ user, registrationId: id }));
  }
}
