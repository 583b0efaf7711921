import { Body, Controller, Post, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiOperation,
  ApiTags,
  ApiTooManyRequestsResponse,
} from '@nestjs/swagger';
import { Public } from '@ticketing/auth';
import { LoginThrottleGuard } from '../../../auth/http/login-throttle.guard';
import { RegistrationResponseDto } from '../../registration.response.dto';
import { SubmitRegistrationCommand } from './submit-registration.command';
import { SubmitRegistrationRequestDto } from './submit-registration.request.dto';

@ApiTags('identity: registrations')
@Controller('api/v1/identity/registrations')
export class SubmitRegistrationHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Public()
  @UseGuards(LoginThrottleGuard)
  @ApiOperation({
    summary: 'An enterprise applies to join (public); the committee or the admin approves or rejects it',
    description:
      'Counted with the login attempts of the same address (LOGIN_RATE_LIMIT per minute). The applicant can log in only after approval.',
  })
  @ApiCreatedResponse({ type: RegistrationResponseDto, description: 'the application, pending' })
  @ApiBadRequestResponse({
    description: 'invalid field (e.g. a credit code with a wrong check character), named in errors[]',
  })
  @ApiConflictResponse({
    description: 'creditCode already registered or applied for, or username taken (errors[] names the field)',
  })
  @ApiTooManyRequestsResponse({
    description:
      'this address made more than LOGIN_RATE_LIMIT (20 by default) attempts this minute, counted with its log-ins and password-reset redemptions; see Retry-After',
  })
  submit(@Body() dto: SubmitRegistrationRequestDto): Promise<RegistrationResponseDto> {
    return this.commands.execute(
      SubmitRegistrationCommand.create({
        enterpriseName: dto.enterpriseName,
        creditCode: dto.creditCode,
        contactName: dto.contactName,
        phone: dto.phone,
        username: dto.username,
        password: dto.password,
      }),
    );
  }
}
