import { Command } from '@ticketing/platform';
import { IsString, IsUUID, MinLength } from 'class-validator';

export class TestSubscriptionCommand extends Command {
  @IsUUID() readonly id!: string;
  /** Who asked: a test SMS goes to their own mobile number. */
  @IsString() @MinLength(1) readonly requestedBy!: string;
}
