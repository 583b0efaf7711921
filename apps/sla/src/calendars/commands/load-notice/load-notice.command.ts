import { Command } from '@ticketing/platform';
import { IsObject, IsString, MinLength } from 'class-validator';

export class LoadNoticeCommand extends Command {
  @IsString() @MinLength(1) readonly calendarId!: string;
  /** One year's notice as given; the calendar checks it whole (dates, overlaps, the year). */
  @IsObject() readonly notice!: Record<string, unknown>;
  @IsString() @MinLength(1) readonly actorId!: string;
}

export interface NoticeLoaded {
  calendarId: string;
  year: number;
  /** The calendar's version after the change. */
  version: number;
}
