import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { ArrayMaxSize, IsArray, IsDefined, IsNotEmpty, IsString, MaxLength } from 'class-validator';

/** The committee routes a ticket from the triage queue by hand. */
export class AssignFromTriageCommand extends Command {
  @IsString() @IsNotEmpty() @MaxLength(100) readonly ticketId!: string;
  @IsString() @IsNotEmpty() @MaxLength(100) readonly leadDepartmentId!: string;
  @IsArray()
  @ArrayMaxSize(20)
  @IsString({ each: true })
  @MaxLength(100, { each: true })
  readonly coHandlerDepartmentIds!: string[];
  /** Why these departments; shown to them and kept in the ledger. */
  @IsString() @MaxLength(2000) readonly note!: string;
  @IsDefined() readonly actor!: Actor;
}
