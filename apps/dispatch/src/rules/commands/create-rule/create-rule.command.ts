import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import {
  IsBoolean,
  IsDefined,
  IsInt,
  IsObject,
  IsOptional,
  IsString,
  Max,
  MaxLength,
  Min,
} from 'class-validator';
import { RuleConditions, RuleDecision } from '../../domain/routing-rule';

export class CreateRuleCommand extends Command {
  @IsString() @MaxLength(100) readonly name!: string;
  @IsObject() readonly conditions!: RuleConditions;
  @IsObject() readonly decision!: RuleDecision;
  /** Lower runs first; null: after every existing rule. */
  @IsOptional() @IsInt() @Min(0) @Max(1_000_000) readonly priority!: number | null;
  @IsBoolean() readonly enabled!: boolean;
  @IsDefined() readonly actor!: Actor;
}
