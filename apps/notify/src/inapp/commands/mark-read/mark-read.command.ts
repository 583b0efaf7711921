import { Command } from '@ticketing/platform';
import { IsString, IsUUID, MinLength } from 'class-validator';

export class MarkReadCommand extends Command {
  /** The reader: only their own notification can be marked. */
  @IsString() @MinLength(1) readonly userId!: string;
  @IsUUID() readonly notificationId!: string;
}
