import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsDefined, IsInt, IsObject, IsString, IsUUID, Max, MaxLength, Min } from 'class-validator';
import { RuleConditions, RuleDecision } from '../../domain/routing-rule';
import { MAX_INT4 } from '../../../common/int4';

export class UpdateRuleCommand extends Command {
  @IsUUID() readonly ruleId!: string;
  @IsString() @MaxLength(100) readonly name!: string;
  @IsObject() readonly conditions!: RuleConditions;
  @IsObject() readonly decision!: RuleDecision;
  /** The version the editor saw. */
  @IsInt() @Min(1) @Max(MAX_INT4) readonly expectedVersion!: number;
  @IsDefined() readonly actor!: Actor;
}
