import { Command } from '@ticketing/platform';
import { IsArray, IsDate, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.grid-upserted: a grid and its instructors (网格员). */
export class CopyGridCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(100) readonly id!: string;
  @IsString() @MaxLength(100) readonly code!: string;
  @IsString() @MaxLength(200) readonly name!: string;
  @IsArray() @IsString({ each: true }) readonly instructorUserIds!: string[];
  @IsDate() readonly asOf!: Date;
}
