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
      '工作通报: freeze a period’s department ranking and its named overdue list into a bulletin, chain it (ledger.bulletin-published) and send it to every department (notify: in-app and group robots). One per period: a retry of the same period gets 409 naming the bulletin, which GET …/bulletins/{id} returns.',
  })
  @ApiCreatedResponse({
    description:
      'the bulletin as chained: { bulletinId, periodKind, period, title, summary, publishedAt, publishedBy, formula, ranking: [{ rank, departmentId, departmentName, score (0–1), received }], overdue: [{ ticketId, number, title, enterpriseName, departmentId, departmentName, clock, dueAt, doneAt }], overdueTotal, departmentIds }',
  })
  @ApiBadRequestResponse({ description: 'period missing or malformed, or no department has figures for it' })
  @ApiForbiddenResponse({ description: 'anyone but the committee' })
  @ApiConflictResponse({ description: 'the period’s bulletin was published already (details.bulletinId)' })
  publish(
    @CurrentUser() user: AuthUser,
    @Body() dto: PublishBulletinRequestDto,
  ): Promise<BulletinPublishedPayload> {
    return this.commands.execute(PublishBulletinCommand.create({ user, period: dto.period }));
  }
}
