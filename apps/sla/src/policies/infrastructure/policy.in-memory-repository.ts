import { PolicySubject, PolicyVersion, WILDCARD } from '../domain/policy';
import { CoveringPolicy, Policy } from '../domain/policy.aggregate';
import { PolicyRepository } from '../domain/policy.repository';

interface StoredVersion extends PolicyVersion {
  active: boolean;
  createdBy: string;
}

/** Policy versions in memory, for handler specs: every version written, the recomputes asked for. */
export class InMemoryPolicyRepository extends PolicyRepository {
  readonly versions: StoredVersion[] = [];
  readonly recomputes: { policyId: string; reason: string }[] = [];
  /** How many units of work took the write lock. */
  writeLocks = 0;

  constructor(policies: PolicyVersion[] = []) {
    super();
    for (const p of policies) this.versions.push({ ...p, active: true, createdBy: 'seed' });
  }

  async candidates(subject: PolicySubject, category: string, urgency: string): Promise<PolicyVersion[]> {
    return this.versions.filter(
      (v) =>
        v.active &&
        v.subject === subject &&
        [category, WILDCARD].includes(v.category) &&
        [urgency, WILDCARD].includes(v.urgency),
    );
  }

  async allActive(): Promise<PolicyVersion[]> {
    return this.versions.filter((v) => v.active);
  }

  async version(id: string, version: number): Promise<PolicyVersion | undefined> {
    return this.versions.find((v) => v.id === id && v.version === version);
  }

  async active(id: string): Promise<PolicyVersion | undefined> {
    return this.versions.find((v) => v.id === id && v.active);
  }

  async lockActive(id: string): Promise<Policy | null> {
    const v = this.versions.find((x) => x.id === id && x.active);
    return v ? Policy.restore(v, v.createdBy) : null;
  }

  async lockWrites(): Promise<void> {
    this.writeLocks += 1;
  }

  async activeInScope(
    subject: PolicySubject,
    category: string,
    urgency: string,
  ): Promise<CoveringPolicy | null> {
    const v = this.versions.find(
      (x) => x.active && x.subject === subject && x.category === category && x.urgency === urgency,
    );
    return v ? { id: v.id, name: v.name } : null;
  }

  async save(policy: Policy): Promise<void> {
    const change = policy.pendingChange;
    if (change.kind === 'none') return;
    for (const v of this.versions) if (v.id === policy.id) v.active = false;
    this.versions.push({ ...policy.state, active: true, createdBy: policy.createdBy });
    if (change.kind === 'revised')
      this.recomputes.push({ policyId: policy.id, reason: `policy ${policy.id} v${policy.version}` });
  }
}
