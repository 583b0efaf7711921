import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import {
  ArrayMaxSize,
  ArrayMinSize,
  ArrayUnique,
  IsArray,
  IsDefined,
  IsNotEmpty,
  IsString,
  IsUUID,
  MaxLength,
} from 'class-validator';

/** At most this many tickets in one bulk assignment (the desk's list shows 100 at a time). */
export const BULK_TRIAGE_MAX = 100;

/**
 * 批量分派: the committee routes several tickets from the triage queue to the same departments with
 * the same note; each is assigned as its own AssignFromTriageCommand.
 */
export class BulkAssignFromTriageCommand extends Command {
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(BULK_TRIAGE_MAX)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  readonly ticketIds!: string[];
  @IsString() @IsNotEmpty() @MaxLength(100) readonly leadDepartmentId!: string;
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  readonly coHandlerDepartmentIds!: string[];
  @IsString() @MaxLength(2000) readonly note!: string;
  @IsDefined() readonly actor!: Actor;
}
