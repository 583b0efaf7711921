import { Command } from '@ticketing/platform';
import { IsBoolean, IsDate, IsString, MaxLength, MinLength } from 'class-validator';

/** directory.user-upserted: a user's name and role (a convenor is named by id). Never credentials. */
export class CopyUserCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(100) readonly id!: string;
  @IsString() @MaxLength(200) readonly displayName!: string;
  @IsString() @MaxLength(50) readonly role!: string;
  @IsBoolean() readonly active!: boolean;
  @IsDate() readonly asOf!: Date;
}
