import { Actor } from '@ticketing/contracts';

export class ReorderRulesCommand {
  constructor(
    readonly ruleIds: string[],
    readonly actor: Actor,
  ) {}
}
