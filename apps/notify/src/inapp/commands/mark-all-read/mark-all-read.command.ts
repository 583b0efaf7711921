import { Command } from '@ticketing/platform';
import { IsString, MinLength } from 'class-validator';

export class MarkAllReadCommand extends Command {
  @IsString() @MinLength(1) readonly userId!: string;
}
