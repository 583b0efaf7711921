import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import {
  ApiBadRequestResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
  ApiUnauthorizedResponse,
} from '@nestjs/swagger';
import { Public } from '@ticketing/auth';
import { RefreshTokenRequestDto, SessionResponseDto } from '../../auth.response.dto';
import { RefreshSessionHandler } from './refresh-session.handler';

@ApiTags('identity: auth')
@Controller('api/v1/identity/auth')
export class RefreshSessionHttpController {
  constructor(private readonly handler: RefreshSessionHandler) {}

  @Post('refresh')
  @HttpCode(200)
  @Public()
  @ApiOperation({
    summary:
      'Trade a refresh token for a new access token and a new refresh token (the old one stops working)',
  })
  @ApiOkResponse({ type: SessionResponseDto })
  @ApiBadRequestResponse({ description: 'refreshToken missing or malformed' })
  @ApiUnauthorizedResponse({
    description: 'unknown, expired, revoked or reused refresh token (reuse ends the whole login)',
  })
  refresh(@Body() dto: RefreshTokenRequestDto): Promise<SessionResponseDto> {
    return this.handler.execute(dto.refreshToken);
  }
}
