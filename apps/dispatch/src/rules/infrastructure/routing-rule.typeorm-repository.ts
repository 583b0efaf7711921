import { Injectable } from '@nestjs/common';
import { SettingsCache, TransactionContext } from '@ticketing/database';
import { EntityManager } from 'typeorm';
import { RoutingRule, RuleVersion } from '../domain/routing-rule.aggregate';
import { RoutingRuleRepository } from '../domain/routing-rule.repository';
import { RoutingRuleVersionOrmEntity } from './routing-rule-version.orm-entity';
import { RoutingRuleOrmEntity } from './routing-rule.orm-entity';

const ORDER = { priority: 'ASC', createdAt: 'ASC', id: 'ASC' } as const;
/** The table the settings cache keeps the routing read of (its trigger: DispatchSettingsFeed). */
const RULES_TABLE = 'routing_rules';

const toDomain = (row: RoutingRuleOrmEntity): RoutingRule =>
  RoutingRule.restore({
    id: row.id,
    version: row.version,
    name: row.name,
    priority: row.priority,
    enabled: row.enabled,
    conditions: row.conditions,
    decision: { leadDepartmentId: row.leadDepartmentId, coHandlerDepartmentIds: row.coHandlerDepartmentIds },
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  });

const toRow = (r: RoutingRule): RoutingRuleOrmEntity => ({
  id: r.id,
  version: r.version,
  name: r.name,
  priority: r.priority,
  enabled: r.enabled,
  conditions: r.conditions,
  leadDepartmentId: r.decision.leadDepartmentId,
  coHandlerDepartmentIds: r.decision.coHandlerDepartmentIds,
  createdAt: r.createdAt,
  updatedAt: r.updatedAt,
  updatedBy: r.updatedBy,
});

const versionToDomain = (v: RoutingRuleVersionOrmEntity): RuleVersion => ({
  ruleId: v.ruleId,
  version: v.version,
  name: v.name,
  enabled: v.enabled,
  conditions: v.conditions,
  decision: { leadDepartmentId: v.leadDepartmentId, coHandlerDepartmentIds: v.coHandlerDepartmentIds },
  change: v.change,
  changedAt: v.changedAt,
  changedBy: v.changedBy,
});

const versionToRow = (v: RuleVersion): RoutingRuleVersionOrmEntity => ({
  ruleId: v.ruleId,
  version: v.version,
  name: v.name,
  enabled: v.enabled,
  conditions: v.conditions,
  leadDepartmentId: v.decision.leadDepartmentId,
  coHandlerDepartmentIds: v.decision.coHandlerDepartmentIds,
  change: v.change,
  changedAt: v.changedAt,
  changedBy: v.changedBy,
});

@Injectable()
export class TypeormRoutingRuleRepository extends RoutingRuleRepository {
  constructor(
    private readonly tx: TransactionContext,
    private readonly cache: SettingsCache,
  ) {
    super();
  }

  async listOrdered(): Promise<RoutingRule[]> {
    return (await this.tx.manager.find(RoutingRuleOrmEntity, { order: ORDER })).map(toDomain);
  }

  /** Read for every ticket: from the settings cache (rows; a fresh aggregate per read) while no rule changes. */
  async listForRouting(): Promise<RoutingRule[]> {
    const m = this.tx.manager;
    const rows = await this.cache.read(m, [RULES_TABLE], 'ordered', () =>
      m.find(RoutingRuleOrmEntity, { order: ORDER }),
    );
    // A copy per read: the aggregate is restored from the row's conditions and decision as they are.
    return rows.map((r) => toDomain(structuredClone(r)));
  }

  async lockAllOrdered(): Promise<RoutingRule[]> {
    const m = this.tx.writer;
    // Blocks other writers of the rules (not readers) until the reorder commits.
    await m.query('LOCK TABLE dispatch.routing_rules IN SHARE ROW EXCLUSIVE MODE');
    return (await m.find(RoutingRuleOrmEntity, { order: ORDER })).map(toDomain);
  }

  async findById(id: string): Promise<RoutingRule | null> {
    const row = await this.tx.manager.findOne(RoutingRuleOrmEntity, { where: { id } });
    return row && toDomain(row);
  }

  async lockById(id: string): Promise<RoutingRule | null> {
    const row = await this.tx.writer.findOne(RoutingRuleOrmEntity, {
      where: { id },
      lock: { mode: 'pessimistic_write' },
    });
    return row && toDomain(row);
  }

  async nextPriority(): Promise<number> {
    const [{ max }]: { max: number | null }[] = await this.tx.manager.query(
      'SELECT max(priority) AS max FROM dispatch.routing_rules',
    );
    return (max ?? 0) + 10;
  }

  async versionsOf(ruleId: string): Promise<RuleVersion[]> {
    const rows = await this.tx.manager.find(RoutingRuleVersionOrmEntity, {
      where: { ruleId },
      order: { version: 'ASC' },
    });
    return rows.map(versionToDomain);
  }

  async save(...rules: RoutingRule[]): Promise<void> {
    const m = this.tx.writer;
    // This transaction reads the rules from the database from now on; the commit tells every cache.
    this.cache.touch(m, RULES_TABLE);
    const versions: RuleVersion[] = [];
    for (const rule of rules) {
      const changes = rule.pullChanges();
      if (changes.row === 'insert') await m.insert(RoutingRuleOrmEntity, toRow(rule));
      if (changes.row === 'update') await this.update(m, rule);
      versions.push(...changes.versions);
    }
    if (versions.length) await m.insert(RoutingRuleVersionOrmEntity, versions.map(versionToRow));
  }

  private async update(m: EntityManager, rule: RoutingRule): Promise<void> {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars
    const { id, createdAt, ...changed } = toRow(rule);
    await m.update(RoutingRuleOrmEntity, { id }, changed);
  }
}
