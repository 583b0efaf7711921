import { AuthUser } from '@ticketing/auth';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsDefined,
  IsInt,
  IsOptional,
  IsString,
  IsUUID,
  Max,
  MaxLength,
  Min,
  MinLength,
} from 'class-validator';
import { MAX_VERSION } from '../../../shared/version';

/** Only what is given changes; `instructorUserIds` is the full new list. */
export class UpdateGridCommand extends Command {
  @IsDefined() readonly user!: AuthUser;
  @IsUUID() readonly gridId!: string;
  @IsOptional() @IsString() @MinLength(1) @MaxLength(60) readonly name?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200)
  @IsUUID('all', { each: true })
  readonly instructorUserIds?: string[];
  @IsOptional() @IsInt() @Min(1) @Max(MAX_VERSION) readonly expectedVersion?: number;
}
