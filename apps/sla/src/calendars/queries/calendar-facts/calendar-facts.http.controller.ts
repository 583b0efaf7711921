import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBadRequestResponse, ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiProperty, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { Roles } from '@ticketing/auth';
import { HolidayNotice, isValidLocalDate } from '@ticketing/calendar';
import { DomainError } from '@ticketing/contracts';
import { Type } from 'class-transformer';
import { IsISO8601, IsInt, IsNumber, IsOptional, Max, Min } from 'class-validator';
import { DataSource } from 'typeorm';
import { SLA_SCHEMA } from '../../../shared/queryable';
import { CalendarStore } from '../../infrastructure/calendar.store';

export class DeadlineQueryDto {
  @ApiProperty({ example: '2025-01-24T10:00:00+08:00' })
  @IsISO8601({ strict: true }, { message: 'from must be an ISO 8601 instant' })
  from!: string;

  @ApiPropertyOptional({ example: 5 })
  @IsOptional()
  @Type(() => Number)
  @IsInt({ message: 'workingDays must be a whole number' })
  @Min(0, { message: 'workingDays must not be negative' })
  @Max(3650)
  workingDays?: number;

  @ApiPropertyOptional({ example: 4 })
  @IsOptional()
  @Type(() => Number)
  @IsNumber({}, { message: 'workingHours must be a number' })
  @Min(0, { message: 'workingHours must not be negative' })
  @Max(100000)
  workingHours?: number;
}

const ALL = ['enterprise', 'instructor', 'department', 'committee', 'admin'] as const;

/** Read-only facts of the calendars, for people and for the web client's deadline previews. */
@ApiTags('sla · calendars')
@Controller('api/v1/sla/calendars')
export class CalendarFactsHttpController {
  constructor(
    @InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource,
    private readonly calendars: CalendarStore,
  ) {}

  @Get()
  @Roles(...ALL)
  @ApiOperation({ summary: 'Calendars with their working hours and the notices loaded (each with its holidays and make-up workdays)' })
  @ApiOkResponse({ description: 'every calendar' })
  async list() {
    const cals: { id: string; name: string; time_zone: string; working_hours: unknown; version: number }[] = await this.ds.query(
      'SELECT id, name, time_zone, working_hours, version FROM sla.calendars ORDER BY id',
    );
    const notices: { calendar_id: string; notice: HolidayNotice; loaded_at: Date }[] = await this.ds.query(
      'SELECT calendar_id, notice, loaded_at FROM sla.calendar_notices ORDER BY year',
    );
    return cals.map((c) => ({
      id: c.id,
      name: c.name,
      timeZone: c.time_zone,
      workingHours: c.working_hours,
      version: c.version,
      notices: notices
        .filter((n) => n.calendar_id === c.id)
        .map((n) => ({
          year: n.notice.year,
          title: n.notice.title,
          reference: n.notice.reference,
          publishedOn: n.notice.publishedOn,
          holidays: n.notice.holidays,
          makeUpWorkdays: n.notice.makeUpWorkdays,
          loadedAt: n.loaded_at,
        })),
    }));
  }

  @Get(':calendarId/days/:date')
  @Roles(...ALL)
  @ApiOperation({ summary: 'What a local date is in this calendar: workday, weekend, holiday or make-up workday' })
  @ApiOkResponse({ description: '{ date, kind, working, weekday, name?, covered }' })
  @ApiBadRequestResponse({ description: 'date is not YYYY-MM-DD' })
  @ApiNotFoundResponse({ description: 'no such calendar' })
  async day(@Param('calendarId') calendarId: string, @Param('date') date: string) {
    if (!isValidLocalDate(date)) throw new DomainError('validation', `date must be a real date YYYY-MM-DD, got ${date}`, { errors: [{ field: 'date', messages: ['must be YYYY-MM-DD'] }] });
    return (await this.calendars.get(this.ds, calendarId)).kind(date);
  }

  @Get(':calendarId/deadline')
  @Roles(...ALL)
  @ApiOperation({ summary: 'The deadline N working days or hours after an instant (the start day never counts for days)' })
  @ApiOkResponse({ description: '{ dueAt }' })
  @ApiBadRequestResponse({ description: 'give exactly one of workingDays or workingHours, and a valid from' })
  @ApiNotFoundResponse({ description: 'no such calendar' })
  async deadline(@Param('calendarId') calendarId: string, @Query() q: DeadlineQueryDto) {
    if ((q.workingDays === undefined) === (q.workingHours === undefined)) {
      throw new DomainError('validation', 'give exactly one of workingDays or workingHours', {
        errors: [{ field: 'workingDays', messages: ['give exactly one of workingDays or workingHours'] }],
      });
    }
    const cal = await this.calendars.get(this.ds, calendarId);
    const due = q.workingDays !== undefined ? cal.addWorkingDays(new Date(q.from), q.workingDays) : cal.addWorkingHours(new Date(q.from), q.workingHours!);
    return { dueAt: due.toISOString(), localDate: cal.localDate(due) };
  }
}
