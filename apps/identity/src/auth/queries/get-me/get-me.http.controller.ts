import { Controller, Get } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles, AllowPendingPasswordChange } from '@ticketing/auth';
import { DomainError, Roles as ALL_ROLES } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { userView } from '../../../users/infrastructure/user.reader';
import { UserResponseDto } from '../../../users/user.response.dto';

@ApiTags('identity: auth')
@Controller('api/v1/identity')
export class GetMeHttpController {
  constructor(@InjectDataSource('identity') private readonly ds: DataSource) {}

  @Get('me')
  @Roles(...ALL_ROLES)
  @AllowPendingPasswordChange()
  @ApiOperation({ summary: 'The caller, as the directory knows them now' })
  @ApiOkResponse({ type: UserResponseDto })
  async me(@CurrentUser() caller: AuthUser): Promise<UserResponseDto> {
    const user = await userView(this.ds.manager, caller.id);
    if (!user?.active) throw new DomainError('unauthorized', 'this account is disabled or no longer exists');
    return user;
  }
}
