import { Controller, Get, Param, Query } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiTags,
} from '@nestjs/swagger';
import { Roles } from '@ticketing/auth';
import { CalendarDayQuery, CalendarDeadlineQuery, ListCalendarsQuery } from './calendar-facts.query';
import { DeadlineQueryDto } from './calendar-facts.request.dto';
import {
  CalendarDayResponseDto,
  CalendarDeadlineResponseDto,
  CalendarResponseDto,
} from './calendar-facts.response.dto';

const ALL = ['enterprise', 'instructor', 'department', 'committee', 'admin'] as const;

/** Read-only facts of the calendars, for people and for the web client's deadline previews. */
@ApiTags('sla · calendars')
@Controller('api/v1/sla/calendars')
export class CalendarFactsHttpController {
  constructor(private readonly queries: QueryBus) {}

  @Get()
  @Roles(...ALL)
  @ApiOperation({
    summary:
      'Calendars with their working hours and the notices loaded (each with its holidays and make-up workdays)',
  })
  @ApiOkResponse({ type: [CalendarResponseDto], description: 'every calendar, by id' })
  list() {
    return this.queries.execute(ListCalendarsQuery.create({}));
  }

  @Get(':calendarId/days/:date')
  @Roles(...ALL)
  @ApiOperation({
    summary: 'What a local date is in this calendar: workday, weekend, holiday or make-up workday',
  })
  @ApiOkResponse({ type: CalendarDayResponseDto, description: 'what the date is in this calendar' })
  @ApiBadRequestResponse({ description: 'date is not YYYY-MM-DD' })
  @ApiNotFoundResponse({ description: 'no such calendar' })
  day(@Param('calendarId') calendarId: string, @Param('date') date: string) {
    return this.queries.execute(CalendarDayQuery.create({ calendarId, date }));
  }

  @Get(':calendarId/deadline')
  @Roles(...ALL)
  @ApiOperation({
    summary: 'The deadline N working days or hours after an instant (the start day never counts for days)',
  })
  @ApiOkResponse({ type: CalendarDeadlineResponseDto, description: 'the deadline' })
  @ApiBadRequestResponse({ description: 'give exactly one of workingDays or workingHours, and a valid from' })
  @ApiNotFoundResponse({ description: 'no such calendar' })
  deadline(@Param('calendarId') calendarId: string, @Query() q: DeadlineQueryDto) {
    return this.queries.execute(
      CalendarDeadlineQuery.create({
        calendarId,
        from: q.from,
        workingDays: q.workingDays ?? null,
        workingHours: q.workingHours ?? null,
      }),
    );
  }
}
