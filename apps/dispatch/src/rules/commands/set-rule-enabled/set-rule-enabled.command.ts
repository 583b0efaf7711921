import { Actor } from '@ticketing/contracts';
import { Command } from '@ticketing/platform';
import { IsBoolean, IsDefined, IsInt, IsUUID, Max, Min } from 'class-validator';
import { MAX_INT4 } from '../../../common/int4';

export class SetRuleEnabledCommand extends Command {
  @IsUUID() readonly ruleId!: string;
  @IsBoolean() readonly enabled!: boolean;
  /** The version the caller saw. */
  @IsInt() @Min(1) @Max(MAX_INT4) readonly expectedVersion!: number;
  @IsDefined() readonly actor!: Actor;
}
