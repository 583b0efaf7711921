import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { LoadNoticeCommand, NoticeLoaded } from './load-notice.command';
import { LoadNoticeRequestDto } from './load-notice.request.dto';
import { NoticeLoadedResponseDto } from './load-notice.response.dto';

@ApiTags('sla · calendars')
@Controller('api/v1/sla/calendars')
export class LoadNoticeHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post(':calendarId/notices')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({
    summary: "Load a year's State Council holiday notice into a calendar; open timers are recomputed",
  })
  @ApiCreatedResponse({
    type: NoticeLoadedResponseDto,
    description: 'loaded; the calendar version after the change',
  })
  @ApiBadRequestResponse({
    description:
      'the notice is malformed, overlaps itself or a neighbouring year, or its year is already loaded',
  })
  @ApiNotFoundResponse({ description: 'no such calendar' })
  load(
    @Param('calendarId') calendarId: string,
    @Body() body: LoadNoticeRequestDto,
    @CurrentUser() user: AuthUser,
  ): Promise<NoticeLoaded> {
    return this.commands.execute(
      LoadNoticeCommand.create({
        calendarId,
        notice: {
          year: body.year,
          title: body.title,
          reference: body.reference,
          publishedOn: body.publishedOn,
          holidays: body.holidays.map((h) => ({ name: h.name, from: h.from, to: h.to })),
          makeUpWorkdays: body.makeUpWorkdays,
          notes: body.notes,
        },
        actorId: user.id,
      }),
    );
  }
}
