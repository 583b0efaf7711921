import { Actor } from '@ticketing/contracts';

export class SetRuleEnabledCommand {
  constructor(
    readonly ruleId: string,
    readonly enabled: boolean,
    readonly expectedVersion: number,
    readonly actor: Actor,
  ) {}
}
