import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  Matches,
  MaxLength,
  MinLength,
} from 'class-validator';

export class CreateGridCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @Matches(/^[a-z][a-z0-9_-]{1,39}$/) readonly code!: string;
  @IsString() @MinLength(1) @MaxLength(60) readonly name!: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  readonly instructorUserIds?: string[];
}
