import { Query } from '@ticketing/platform';
import { IsUUID } from 'class-validator';

export class ListRulesQuery extends Query {}

export class GetRuleQuery extends Query {
  @IsUUID() readonly ruleId!: string;
}
