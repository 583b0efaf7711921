import { expectVersion, fieldProblem } from '@ticketing/platform';
import { WorkingDayLengths, replyAfterResolveProblems } from './deadline-order';
import {
  PolicyDefinition,
  PolicySubject,
  PolicyVersion,
  normalizeDefinition,
  validatePolicyDefinition,
  validateScope,
} from './policy';

/** The policy that already covers a category × urgency. */
export interface CoveringPolicy {
  id: string;
  name: string;
}

/** What saving the policy writes: nothing, its first version, or a new version retiring `previousVersion`. */
export type PolicyChange =
  { kind: 'none' } | { kind: 'created' } | { kind: 'revised'; previousVersion: number };

const REJECTED = 'policy rejected';

function checkedDefinition(
  definition: unknown,
  knownCalendars: readonly string[],
  subject: PolicySubject,
): PolicyDefinition {
  const problems = validatePolicyDefinition(definition, knownCalendars, subject);
  if (problems.length) throw fieldProblem(problems, REJECTED);
  return normalizeDefinition(definition as PolicyDefinition);
}

/** The other active policies and the calendars' day lengths: what the deadline-order rule reads. */
export interface PolicyNeighbours {
  activeOthers: readonly PolicyVersion[];
  workingDayMs: WorkingDayLengths;
}

/** Refuses a version whose reply could fall after the resolution for some category × urgency. */
function checkDeadlineOrder(version: PolicyVersion, neighbours: PolicyNeighbours): void {
  const problems = replyAfterResolveProblems(version, neighbours.activeOthers, neighbours.workingDayMs);
  if (problems.length) throw fieldProblem(problems, REJECTED);
}

/** JSON text with keys in one order, so that two equal definitions compare equal however they were spelled. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/**
 * A versioned SLA policy for one category × urgency ('*' for any), or the zone-wide policy of the
 * joint meetings' decisions. Versions are never edited in place: a revision is a new version, and
 * the one before stays on record, inactive. At most one active policy covers a scope, so resolving a
 * timer's rule is never ambiguous. No ticket's answer is due after its resolution: a version whose
 * reply deadline could fall after the resolution deadline, for any category × urgency it governs,
 * is refused.
 */
export class Policy {
  private change: PolicyChange;

  private constructor(
    private current: PolicyVersion,
    private author: string,
    change: PolicyChange,
  ) {
    this.change = change;
  }

  /** The first version. Refuses an unknown scope, a bad definition, or a scope another policy covers. */
  static create(p: {
    id: string;
    name: string;
    nameEn: string | null;
    subject: PolicySubject;
    category: string;
    urgency: string;
    definition: unknown;
    createdBy: string;
    knownCalendars: readonly string[];
    coveredBy: CoveringPolicy | null;
    neighbours: PolicyNeighbours;
  }): Policy {
    const scope = validateScope(p.category, p.urgency, p.subject);
    if (scope.length) throw fieldProblem(scope, REJECTED);
    const definition = checkedDefinition(p.definition, p.knownCalendars, p.subject);
    if (p.coveredBy) {
      const what = p.subject === 'decision' ? 'the decisions' : `${p.category} × ${p.urgency}`;
      throw fieldProblem(
        [
          {
            field: p.subject === 'decision' ? 'subject' : 'category',
            messages: [
              `policy ${p.coveredBy.id} (${p.coveredBy.name}) already covers ${what}; edit it instead`,
            ],
          },
        ],
        REJECTED,
      );
    }
    const version: PolicyVersion = {
      id: p.id,
      version: 1,
      name: p.name,
      nameEn: p.nameEn,
      subject: p.subject,
      category: p.category,
      urgency: p.urgency,
      definition,
    };
    checkDeadlineOrder(version, p.neighbours);
    return new Policy(version, p.createdBy, { kind: 'created' });
  }

  static restore(v: PolicyVersion, createdBy: string): Policy {
    return new Policy(v, createdBy, { kind: 'none' });
  }

  /**
   * A new version with this definition (and name, when given), if the caller saw the current one.
   * Returns false, changing nothing, when both equal the current version's.
   */
  revise(p: {
    expectedVersion: number;
    name: string | null;
    /** null keeps the current English name. */
    nameEn: string | null;
    definition: unknown;
    by: string;
    knownCalendars: readonly string[];
    neighbours: PolicyNeighbours;
  }): boolean {
    expectVersion(this.current.version, p.expectedVersion, `policy ${this.current.id}`);
    const definition = checkedDefinition(p.definition, p.knownCalendars, this.current.subject);
    const name = p.name ?? this.current.name;
    const nameEn = p.nameEn ?? this.current.nameEn;
    if (
      name === this.current.name &&
      nameEn === this.current.nameEn &&
      canonical(definition) === canonical(this.current.definition)
    )
      return false;
    const previousVersion = this.current.version;
    const next = { ...this.current, version: previousVersion + 1, name, nameEn, definition };
    checkDeadlineOrder(next, p.neighbours);
    this.current = next;
    this.author = p.by;
    this.change = { kind: 'revised', previousVersion };
    return true;
  }

  get id(): string {
    return this.current.id;
  }
  get version(): number {
    return this.current.version;
  }
  /** The current version as stored. */
  get state(): PolicyVersion {
    return this.current;
  }
  /** Who wrote the current version. */
  get createdBy(): string {
    return this.author;
  }
  get pendingChange(): PolicyChange {
    return this.change;
  }
}
