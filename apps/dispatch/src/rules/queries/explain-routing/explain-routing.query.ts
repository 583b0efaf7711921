import { RoutingFacts } from '../../domain/rule-engine';

export class ExplainRoutingQuery {
  constructor(readonly facts: RoutingFacts) {}
}
