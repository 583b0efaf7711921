import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  IsArray,
  IsBoolean,
  IsDefined,
  IsOptional,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

/** The committee's final decision on a transfer request (absent lead and co-handlers stay absent). */
export class DecideTransferCommand extends Command {
  @IsUUID() readonly transferRequestId!: string;
  @IsBoolean() readonly approved!: boolean;
  @IsOptional() @IsString() @MaxLength(100) readonly leadDepartmentId?: string;
  @IsOptional()
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  readonly coHandlerDepartmentIds?: string[];
  @IsString() @MaxLength(2000) readonly note!: string;
  @IsDefined() readonly actor!: Actor;
}
