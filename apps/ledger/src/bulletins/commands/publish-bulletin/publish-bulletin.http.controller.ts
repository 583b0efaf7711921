import { Body, Controller, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiConflictResponse,
  ApiCreatedResponse,
  ApiForbiddenResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { BulletinPublishedPayload } from '@ticketing/contracts';
import { BulletinResponseDto } from '../../bulletin.response.dto';
import { PublishBulletinCommand } from './publish-bulletin.command';
import { PublishBulletinRequestDto } from './publish-bulletin.request.dto';

@ApiTags('ledger: bulletins')
@Controller('api/v1/ledger/bulletins')
export class PublishBulletinHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @Roles('committee')
  @ApiOperation({
    summary:
      '工作通报: freeze a period’s department ranking and its named overdue list into a bulletin, chain it and publish it as ledger.bulletin-published, addressed to every department (departmentIds; no service delivers it to them in-app or by robot yet: GET …/bulletins lists it). One per period: a retry of the same period gets 409 naming the bulletin, which GET …/bulletins/{id} returns.',
  })
  @ApiCreatedResponse({ type: BulletinResponseDto, description: 'the bulletin as chained' })
  @ApiBadRequestResponse({ description: 'period missing or malformed, or no department has figures for it' })
  @ApiForbiddenResponse({ description: 'anyone but the committee' })
  @ApiConflictResponse({
    description: 'the period’s bulletin was published already (the problem names it: bulletinId)',
  })
  publish(
    @CurrentUser() user: AuthUser,
    @Body() dto: PublishBulletinRequestDto,
  ): Promise<BulletinPublishedPayload> {
    return this.commands.execute(PublishBulletinCommand.create({ user, period: dto.period }));
  }
}
