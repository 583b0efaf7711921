import { Column, Entity, PrimaryColumn } from 'typeorm';
import { RuleConditions } from '../domain/routing-rule';

/** The current version of a rule; the full history is in RoutingRuleVersionOrmEntity. */
@Entity({ name: 'routing_rules' })
export class RoutingRuleOrmEntity {
  @PrimaryColumn({ type: 'uuid' })
  id!: string;

  @Column({ type: 'integer' })
  version!: number;

  @Column({ type: 'text' })
  name!: string;

  @Column({ type: 'integer' })
  priority!: number;

  @Column({ type: 'boolean' })
  enabled!: boolean;

  @Column({ type: 'jsonb' })
  conditions!: RuleConditions;

  @Column({ type: 'text' })
  leadDepartmentId!: string;

  @Column({ type: 'jsonb' })
  coHandlerDepartmentIds!: string[];

  @Column({ type: 'timestamptz' })
  createdAt!: Date;

  @Column({ type: 'timestamptz' })
  updatedAt!: Date;

  @Column({ type: 'text' })
  updatedBy!: string;
}
