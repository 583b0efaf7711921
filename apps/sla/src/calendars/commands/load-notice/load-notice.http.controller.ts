import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBadRequestResponse, ApiCreatedResponse, ApiNotFoundResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { LoadNoticeHandler } from './load-notice.handler';
import { LoadNoticeRequestDto } from './load-notice.request.dto';

@ApiTags('sla · calendars')
@Controller('api/v1/sla/calendars')
export class LoadNoticeHttpController {
  constructor(private readonly handler: LoadNoticeHandler) {}

  @Post(':calendarId/notices')
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: "Load a year's State Council holiday notice into a calendar; open timers are recomputed" })
  @ApiCreatedResponse({ description: 'loaded; the calendar version after the change' })
  @ApiBadRequestResponse({ description: 'the notice is malformed, overlaps itself or a neighbouring year, or its year is already loaded' })
  @ApiNotFoundResponse({ description: 'no such calendar' })
  load(@Param('calendarId') calendarId: string, @Body() body: LoadNoticeRequestDto, @CurrentUser() user: AuthUser) {
    return this.handler.execute(calendarId, { ...body }, user.id);
  }
}
