import { Query } from '@ticketing/platform';
import { IsISO8601, IsInt, IsNumber, IsOptional, IsString, Max, Min, MinLength } from 'class-validator';

/** Every calendar with its working hours and the notices loaded into it. */
export class ListCalendarsQuery extends Query {}

/** What a local date is in one calendar. */
export class CalendarDayQuery extends Query {
  @IsString() @MinLength(1) readonly calendarId!: string;
  /** As given in the path; the handler says when it is not a real date. */
  @IsString() readonly date!: string;
}

/** The deadline a number of working days or hours after an instant. */
export class CalendarDeadlineQuery extends Query {
  @IsString() @MinLength(1) readonly calendarId!: string;
  @IsISO8601({ strict: true }) readonly from!: string;
  @IsOptional() @IsInt() @Min(0) @Max(3650) readonly workingDays!: number | null;
  @IsOptional() @IsNumber() @Min(0) @Max(100000) readonly workingHours!: number | null;
}
