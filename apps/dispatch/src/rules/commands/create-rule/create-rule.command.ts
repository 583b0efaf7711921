import { Actor } from '@ticketing/contracts';
import { CreateRuleRequestDto } from './create-rule.request.dto';

export class CreateRuleCommand {
  constructor(
    readonly input: CreateRuleRequestDto,
    readonly actor: Actor,
  ) {}
}
