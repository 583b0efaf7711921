import { Actor } from '@ticketing/contracts';
import { UpdateRuleRequestDto } from './update-rule.request.dto';

export class UpdateRuleCommand {
  constructor(
    readonly ruleId: string,
    readonly input: UpdateRuleRequestDto,
    readonly actor: Actor,
  ) {}
}
