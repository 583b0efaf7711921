import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@ticketing/auth';
import { RefreshTokenRequestDto, SessionResponseDto } from '../../auth.response.dto';
import { RefreshSessionCommand } from './refresh-session.command';

@ApiTags('identity: auth')
@Controller('api/v1/identity/auth')
export class RefreshSessionHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Trade a refresh token for a new access token and a new refresh token (the old one stops working)',
  })
  @ApiOkResponse({
    type: SessionResponseDto,
    description: 'a new session: new access and refresh tokens (the refresh token given is spent)',
  })
  @ApiBadRequestResponse({ description: 'refreshToken missing or malformed' })
  @ApiUnauthorizedResponse({
    description: 'unknown, expired, revoked or reused refresh token (reuse ends the whole login)',
  })
  refresh(@Body() dto: RefreshTokenRequestDto): Promise<SessionResponseDto> {
    return this.commands.execute(RefreshSessionCommand.create({ refreshToken: dto.refreshToken }));
  }
}
