import { WorkingPeriod } from '@ticketing/calendar';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsIn,
  IsOptional,
  IsString,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

/** A calendar and the version it is at after the change. */
export interface CalendarVersion {
  id: string;
  version: number;
}

export const CALENDAR_ID = /^[a-z0-9][a-z0-9_-]{1,39}$/;

/** A new calendar; absent settings take the defaults (China's zone, office hours, notices). */
export class CreateCalendarCommand extends Command {
  @Matches(CALENDAR_ID, { message: 'id must be 2–40 lower-case letters, digits, - or _' })
  readonly id!: string;

  @IsString({ message: 'name must be a string' })
  @MinLength(1, { message: 'name must not be empty' })
  @MaxLength(200, { message: 'name must be at most 200 characters' })
  readonly name!: string;

  @IsOptional()
  @IsString({ message: 'nameEn must be a string' })
  @MinLength(1, { message: 'nameEn must not be empty' })
  @MaxLength(200, { message: 'nameEn must be at most 200 characters' })
  readonly nameEn!: string | null;

  @IsOptional()
  @IsString({ message: 'timeZone must be a string' })
  @MaxLength(64, { message: 'timeZone must be at most 64 characters' })
  readonly timeZone!: string | null;

  @IsOptional()
  @IsArray({ message: 'workingHours must be an array of {start, end} periods' })
  @ArrayMaxSize(12, { message: 'workingHours must have at most 12 periods' })
  readonly workingHours!: WorkingPeriod[] | null;

  @IsIn(['china', 'none'], { message: "notices must be 'china' or 'none'" })
  readonly notices!: 'china' | 'none';

  @IsString() @MinLength(1) readonly actorId!: string;
}
