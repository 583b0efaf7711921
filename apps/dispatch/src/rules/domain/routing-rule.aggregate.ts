import { DomainError } from '@ticketing/contracts';
import { checkRuleContent, RuleConditions, RuleContent, RuleDecision, RuleSnapshot } from './routing-rule';

export type RuleChange = 'created' | 'edited' | 'enabled' | 'disabled';

/** One version in a rule's history: what it said then, and who changed it how. */
export interface RuleVersion {
  ruleId: string;
  version: number;
  name: string;
  enabled: boolean;
  conditions: RuleConditions;
  decision: RuleDecision;
  change: RuleChange;
  changedAt: Date;
  changedBy: string;
}

export interface RoutingRuleProps extends RuleSnapshot {
  createdAt: Date;
  updatedAt: Date;
  updatedBy: string;
}

/** What a save must write: the row (new, changed or untouched) and the versions made since the last save. */
export interface RoutingRuleChanges {
  row: 'insert' | 'update' | null;
  versions: RuleVersion[];
}

/**
 * A routing rule of the committee. What a rule says is versioned: every edit, enabling or
 * disabling makes the next version and never overwrites one, because decisions name the version
 * that made them and the ledger must still explain those. Its place in the order is not part of
 * what it says, so moving it makes no version. Rules are disabled, never deleted.
 */
export class RoutingRule implements RuleSnapshot {
  private pendingVersions: RuleVersion[] = [];
  private row: RoutingRuleChanges['row'];

  private constructor(
    private props: RoutingRuleProps,
    isNew: boolean,
  ) {
    this.row = isNew ? 'insert' : null;
  }

  static create(
    id: string,
    content: RuleContent,
    placement: { priority: number; enabled: boolean },
    actorId: string,
    now: Date,
  ): RoutingRule {
    const rule = new RoutingRule(
      {
        id,
        version: 1,
        ...content,
        ...placement,
        createdAt: now,
        updatedAt: now,
        updatedBy: actorId,
      },
      true,
    );
    rule.recordVersion('created');
    return rule;
  }

  static restore(props: RoutingRuleProps): RoutingRule {
    return new RoutingRule({ ...props }, false);
  }

  get id(): string {
    return this.props.id;
  }
  get version(): number {
    return this.props.version;
  }
  get name(): string {
    return this.props.name;
  }
  get priority(): number {
    return this.props.priority;
  }
  get enabled(): boolean {
    return this.props.enabled;
  }
  get conditions(): RuleConditions {
    return this.props.conditions;
  }
  get decision(): RuleDecision {
    return this.props.decision;
  }
  get createdAt(): Date {
    return this.props.createdAt;
  }
  get updatedAt(): Date {
    return this.props.updatedAt;
  }
  get updatedBy(): string {
    return this.props.updatedBy;
  }

  /** Optimistic concurrency: an editor who saw an older version must reload first. */
  assertVersion(expected: number): void {
    if (this.props.version === expected) return;
    const current = this.props.version;
    throw new DomainError(
      'versionConflict',
      `routing rule ${this.id} is at version ${current}, not ${expected}; reload it`,
      { state: `version ${current}`, currentVersion: current },
    );
  }

  /** Takes content already checked (`checkRuleContent`), so a bad edit is refused before the rule is locked. */
  edit(content: RuleContent, actorId: string, now: Date): void {
    this.nextVersion(content, actorId, now);
    this.recordVersion('edited');
  }

  setEnabled(enabled: boolean, isKnownDepartment: (id: string) => boolean, actorId: string, now: Date): void {
    if (this.props.enabled === enabled) {
      const state = enabled ? 'enabled' : 'disabled';
      throw new DomainError('conflict', `routing rule ${this.id} is already ${state}`, { state });
    }
    // A rule switched back on must still route to departments that exist.
    if (enabled) checkRuleContent(this.props, isKnownDepartment);
    this.nextVersion({ enabled }, actorId, now);
    this.recordVersion(enabled ? 'enabled' : 'disabled');
  }

  /** Its place in the order the rules are tried in (lower first). */
  moveTo(priority: number, actorId: string, now: Date): void {
    this.props = { ...this.props, priority, updatedAt: now, updatedBy: actorId };
    this.row ??= 'update';
  }

  /** What changed since the last call; the repository writes it and the rule starts clean. */
  pullChanges(): RoutingRuleChanges {
    const changes = { row: this.row, versions: this.pendingVersions };
    this.row = null;
    this.pendingVersions = [];
    return changes;
  }

  private nextVersion(change: Partial<RuleContent & { enabled: boolean }>, actorId: string, now: Date): void {
    this.props = {
      ...this.props,
      ...change,
      version: this.props.version + 1,
      updatedAt: now,
      updatedBy: actorId,
    };
    this.row ??= 'update';
  }

  private recordVersion(change: RuleChange): void {
    const p = this.props;
    this.pendingVersions.push({
      ruleId: p.id,
      version: p.version,
      name: p.name,
      enabled: p.enabled,
      conditions: p.conditions,
      decision: p.decision,
      change,
      changedAt: p.updatedAt,
      changedBy: p.updatedBy,
    });
  }
}
