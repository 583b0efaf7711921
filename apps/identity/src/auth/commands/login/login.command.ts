import { Command } from '@ticketing/platform';
import { IsString, MaxLength, MinLength } from 'class-validator';

export class LoginCommand extends Command {
  @IsString() @MinLength(1) @MaxLength(64) readonly username!: string;
  @IsString() @MinLength(1) @MaxLength(256) readonly password!: string;
}
