import { Body, Controller, HttpCode, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNoContentResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '@ticketing/auth';
import { LoginThrottleGuard } from '../../../auth/http/login-throttle.guard';
import { RedeemResetLinkCommand } from './redeem-reset-link.command';
import { RedeemResetLinkRequestDto } from './redeem-reset-link.request.dto';

@ApiTags('identity: auth')
@Controller('api/v1/identity/password-resets')
export class RedeemResetLinkHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(204)
  @Public()
  @UseGuards(LoginThrottleGuard)
  @ApiOperation({
    summary: "Set a new password with a one-time reset link (public); ends the user's sessions",
    description: 'Counted with the login attempts of the same address (LOGIN_RATE_LIMIT per minute).',
  })
  @ApiNoContentResponse({ description: 'password set; log in with it' })
  @ApiBadRequestResponse({
    description:
      'errors[] names token (not valid, already used, expired, or its account disabled) or newPassword',
  })
  @ApiTooManyRequestsResponse({
    description:
      'this address made more than LOGIN_RATE_LIMIT (20 by default) attempts this minute, counted with its log-ins and registrations; see Retry-After',
  })
  redeem(@Body() dto: RedeemResetLinkRequestDto): Promise<void> {
    return this.commands.execute(
      RedeemResetLinkCommand.create({ token: dto.token, newPassword: dto.newPassword }),
    );
  }
}
