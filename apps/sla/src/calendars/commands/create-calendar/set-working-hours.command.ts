import { WorkingPeriod } from '@ticketing/calendar';
import { Command } from '@ticketing/platform';
import { ArrayMaxSize, IsArray, IsString, MinLength } from 'class-validator';

export class SetWorkingHoursCommand extends Command {
  @IsString() @MinLength(1) readonly calendarId!: string;

  @IsArray({ message: 'workingHours must be an array of {start, end} periods' })
  @ArrayMaxSize(12, { message: 'workingHours must have at most 12 periods' })
  readonly workingHours!: WorkingPeriod[];
}
