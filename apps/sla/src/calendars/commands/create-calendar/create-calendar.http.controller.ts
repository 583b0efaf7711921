import { Body, Controller, HttpCode, Param, Post, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { CalendarVersionResponseDto } from './calendar-version.response.dto';
import { CalendarVersion, CreateCalendarCommand } from './create-calendar.command';
import { CreateCalendarRequestDto, SetWorkingHoursRequestDto } from './create-calendar.request.dto';
import { SetWorkingHoursCommand } from './set-working-hours.command';

@ApiTags('sla · calendars')
@Controller('api/v1/sla/calendars')
export class CreateCalendarHttpController {
  constructor(private readonly commands: CommandBus) {}

  @Post()
  @HttpCode(201)
  @Roles('admin')
  @ApiOperation({ summary: 'Create a calendar (e.g. for one zone) with its own working hours' })
  @ApiCreatedResponse({ type: CalendarVersionResponseDto, description: 'created: its id and version' })
  @ApiBadRequestResponse({ description: 'bad id, hours or time zone, or the id is taken' })
  create(@Body() body: CreateCalendarRequestDto, @CurrentUser() user: AuthUser): Promise<CalendarVersion> {
    return this.commands.execute(
      CreateCalendarCommand.create({
        id: body.id,
        name: body.name,
        nameEn: body.nameEn ?? null,
        timeZone: body.timeZone ?? null,
        workingHours: body.workingHours ?? null,
        notices: body.notices ?? 'china',
        actorId: user.id,
      }),
    );
  }

  @Put(':calendarId/working-hours')
  @Roles('admin')
  @ApiOperation({ summary: "Change a calendar's working hours; open timers on it are recomputed" })
  @ApiOkResponse({
    type: CalendarVersionResponseDto,
    description: 'changed; the calendar version after the change',
  })
  @ApiBadRequestResponse({ description: 'malformed or overlapping periods' })
  @ApiNotFoundResponse({ description: 'no such calendar' })
  setHours(
    @Param('calendarId') calendarId: string,
    @Body() body: SetWorkingHoursRequestDto,
  ): Promise<CalendarVersion> {
    return this.commands.execute(
      SetWorkingHoursCommand.create({ calendarId, workingHours: body.workingHours }),
    );
  }
}
