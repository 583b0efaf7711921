import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import { IsDefined, IsString, MaxLength } from 'class-validator';

/** The committee adds a zone-wide reply template, a department one of its own. */
export class CreateTemplateCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsString() @MaxLength(100) readonly title!: string;
  @IsString() @MaxLength(2000) readonly body!: string;
}
