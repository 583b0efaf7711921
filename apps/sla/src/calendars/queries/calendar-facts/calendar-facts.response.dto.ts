import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { DayInfo, DayKind } from '@ticketing/calendar';

export class SlaWorkingPeriodDto {
  @ApiProperty({ example: '09:00', description: 'HH:MM, local time' }) start!: string;
  @ApiProperty({ example: '12:00', description: 'HH:MM, local time (24:00 allowed)' }) end!: string;
}

export class SlaHolidayPeriodDto {
  @ApiProperty({ example: '春节', description: 'as the notice names it' }) name!: string;
  @ApiProperty({ example: '2026-02-15', description: 'YYYY-MM-DD, inclusive' }) from!: string;
  @ApiProperty({ example: '2026-02-23', description: 'YYYY-MM-DD, inclusive' }) to!: string;
}

/** A State Council holiday notice loaded into a calendar. */
export class CalendarNoticeDto {
  @ApiProperty({ type: 'integer', example: 2026 }) year!: number;
  @ApiProperty({ example: '国务院办公厅关于2026年部分节假日安排的通知' }) title!: string;
  @ApiProperty({ example: '国办发明电〔2025〕7号' }) reference!: string;
  @ApiProperty({ example: '2025-11-04', description: 'YYYY-MM-DD' }) publishedOn!: string;
  @ApiProperty({ type: [SlaHolidayPeriodDto], description: 'days off' }) holidays!: SlaHolidayPeriodDto[];
  @ApiProperty({ type: [String], example: ['2026-02-14'], description: 'weekend days worked (调休上班)' })
  makeUpWorkdays!: string[];
  @ApiProperty({ type: String, format: 'date-time' }) loadedAt!: Date;
}

export class CalendarResponseDto {
  @ApiProperty({ example: 'default' }) id!: string;
  @ApiProperty({ example: '默认日历', description: 'the Chinese name' }) name!: string;
  @ApiProperty({ type: String, nullable: true, description: 'the English name, if any' }) nameEn!:
    string | null;
  @ApiProperty({ example: 'Asia/Shanghai' }) timeZone!: string;
  @ApiProperty({ type: [SlaWorkingPeriodDto], description: 'daily working periods, in order' })
  workingHours!: SlaWorkingPeriodDto[];
  @ApiProperty({ type: 'integer', description: 'raised by every change of hours or notices' })
  version!: number;
  @ApiProperty({ type: [CalendarNoticeDto], description: 'the notices loaded, by year' })
  notices!: CalendarNoticeDto[];
}

const DAY_KINDS: DayKind[] = ['workday', 'weekend', 'holiday', 'makeup_workday'];

export class CalendarDayResponseDto implements DayInfo {
  @ApiProperty({ example: '2026-10-01', description: 'the local date, YYYY-MM-DD' }) date!: string;
  @ApiProperty({ enum: DAY_KINDS }) kind!: DayKind;
  @ApiProperty({ description: 'kind is workday or makeup_workday' }) working!: boolean;
  @ApiProperty({ type: 'integer', minimum: 0, maximum: 6, description: '0 = Sunday … 6 = Saturday' })
  weekday!: number;
  @ApiPropertyOptional({ example: '国庆节', description: 'the holiday’s name (only when kind is holiday)' })
  name?: string;
  @ApiProperty({
    description: 'whether a notice for the date’s year is loaded; when false the kind is weekends only',
  })
  covered!: boolean;
}

export class CalendarDeadlineResponseDto {
  @ApiProperty({ format: 'date-time' }) dueAt!: string;
  @ApiProperty({ example: '2026-01-09', description: 'the day it falls on, in the calendar’s zone' })
  localDate!: string;
}
