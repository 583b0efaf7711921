import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsDefined, IsUUID } from 'class-validator';

export class ReorderRulesCommand extends Command {
  /** Every rule id, first to be tried first. */
  @IsArray() @ArrayMinSize(1) @ArrayMaxSize(1000) @IsUUID('all', { each: true }) readonly ruleIds!: string[];
  @IsDefined() readonly actor!: Actor;
}
