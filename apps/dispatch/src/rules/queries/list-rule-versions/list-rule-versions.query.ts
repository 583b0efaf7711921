import { Query } from '@ticketing/platform';
import { IsUUID } from 'class-validator';

export class ListRuleVersionsQuery extends Query {
  @IsUUID() readonly ruleId!: string;
}
