import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AllowPendingPasswordChange, AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { Roles as ALL_ROLES } from '@ticketing/contracts';
import { UserResponseDto } from '../../../users/user.response.dto';
import { GetMeQuery } from './get-me.query';

@ApiTags('identity: auth')
@Controller('api/v1/identity')
export class GetMeHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get('me')
  @Roles(...ALL_ROLES)
  @AllowPendingPasswordChange()
  @ApiOperation({ summary: 'The caller, as the directory knows them now' })
  @ApiOkResponse({ type: UserResponseDto, description: 'your user record, as the directory has it now' })
  me(@CurrentUser() user: AuthUser): Promise<UserResponseDto> {
    return this.queries.execute(GetMeQuery.create({ user }));
  }
}
