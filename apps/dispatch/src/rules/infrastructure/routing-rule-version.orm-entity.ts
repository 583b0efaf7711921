import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RuleConditions } from '../domain/routing-rule';
import { RuleChange } from '../domain/routing-rule.aggregate';

/** Append-only: a decision names the rule version that made it, so old versions stay readable. */
@Entity({ name: 'routing_rule_versions' })
export class RoutingRuleVersionOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  ruleId!: string;

  @PrimaryColumn({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'jsonb' })
  conditions!: RuleConditions;

  @Column({ type: 'text' })
  leadDepartmentId!: string;

  @Column({ type: 'jsonb' })
  coHandlerDepartmentIds!: string[];

  @Column({ type: 'text' })
  change!: RuleChange;

  @Column({ type: 'timestamptz' })
  changedAt!: Date;

  @Column({ type: 'text' })
  changedBy!: string;
}
