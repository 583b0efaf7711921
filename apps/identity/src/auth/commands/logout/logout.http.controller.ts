import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiBadRequestResponse, ApiNoContentResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Public } from '@ticketing/auth';
import { RefreshTokenRequestDto } from '../../auth.response.dto';
import { LogoutCommand } from './logout.command';

@ApiTags('identity: auth')
@Controller('api/v1/identity/auth')
export class LogoutHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('logout')
  @HttpCode(204)
  @Public()
  @ApiOperation({
    summary: 'Revoke the refresh token and every rotation of it; the access token expires on its own',
  })
  @ApiNoContentResponse({ description: 'logged out (also for an unknown token)' })
  @ApiBadRequestResponse({ description: 'refreshToken missing or malformed' })
  logout(@Body() dto: RefreshTokenRequestDto): Promise<void> {
    return this.commands.execute(LogoutCommand.create({ refreshToken: dto.refreshToken }));
  }
}
