import { DEFAULT_CATEGORIES, SlaTimerKind, SlaTimerKinds, Urgencies } from '@ticketing/contracts';
import { Duration, DurationUnits, formatDuration } from './duration';

export const WILDCARD = '*';

export const EscalationSteps = ['urge', 'supervise', 'joint_meeting'] as const;
export type EscalationStep = (typeof EscalationSteps)[number];

/** Conditions under which a timer stops counting; the ticket events that start and end them are fixed. */
export const PauseConditions = ['extension_pending', 'transfer_pending'] as const;
export type PauseCondition = (typeof PauseConditions)[number];

/** Exactly one of `percent` (of the allowance used) or `before` (a lead time before the deadline). */
export interface WarningRule {
  percent?: number;
  before?: Duration;
}

/** Exactly one of `afterBreach` (a delay after the deadline, 0 = at it) or `deadlineMultiple` (e.g. 2 = twice the allowance). */
export interface EscalationRule {
  step: EscalationStep;
  afterBreach?: Duration;
  deadlineMultiple?: number;
}

export interface TimerRule {
  duration: Duration;
  warnings: WarningRule[];
  escalations: EscalationRule[];
  pauseWhen: PauseCondition[];
}

export interface PolicyDefinition {
  calendarId: string;
  timers: Partial<Record<SlaTimerKind, TimerRule>>;
}

/** One version of a policy as stored; category and urgency are '*' for "any". */
export interface PolicyVersion {
  id: string;
  version: number;
  name: string;
  category: string;
  urgency: string;
  definition: PolicyDefinition;
}

export interface FieldProblem {
  field: string;
  messages: string[];
}

const CATEGORY_CODES: readonly string[] = DEFAULT_CATEGORIES.map((c) => c.code);

class Problems {
  readonly list: FieldProblem[] = [];
  add(field: string, message: string) {
    const existing = this.list.find((p) => p.field === field);
    if (existing) existing.messages.push(message);
    else this.list.push({ field, messages: [message] });
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function checkKeys(p: Problems, field: string, value: Record<string, unknown>, allowed: readonly string[]) {
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) p.add(`${field}.${k}`, `unknown field ${k}; allowed: ${allowed.join(', ')}`);
  }
}

function checkDuration(p: Problems, field: string, value: unknown, opts: { allowZero?: boolean } = {}): value is Duration {
  if (!isObject(value)) {
    p.add(field, 'must be an object {amount, unit}');
    return false;
  }
  checkKeys(p, field, value, ['amount', 'unit']);
  let ok = true;
  const { amount, unit } = value;
  if (!(DurationUnits as readonly unknown[]).includes(unit)) {
    p.add(`${field}.unit`, `must be one of ${DurationUnits.join(', ')}, got ${JSON.stringify(unit)}`);
    ok = false;
  }
  if (typeof amount !== 'number' || !Number.isFinite(amount)) {
    p.add(`${field}.amount`, `must be a number, got ${JSON.stringify(amount)}`);
    ok = false;
  } else if (amount < 0) {
    p.add(`${field}.amount`, `must not be negative, got ${amount}`);
    ok = false;
  } else if (amount === 0 && !opts.allowZero) {
    p.add(`${field}.amount`, 'must be greater than 0');
    ok = false;
  } else if (unit === 'working_days' && !Number.isInteger(amount)) {
    p.add(`${field}.amount`, `working_days must be a whole number, got ${amount}`);
    ok = false;
  } else if (amount > 3650 * 24 * 3600) {
    p.add(`${field}.amount`, 'is unreasonably large');
    ok = false;
  }
  return ok;
}

function checkTimerRule(p: Problems, field: string, value: unknown): void {
  if (!isObject(value)) {
    p.add(field, 'must be an object {duration, warnings, escalations, pauseWhen}');
    return;
  }
  checkKeys(p, field, value, ['duration', 'warnings', 'escalations', 'pauseWhen']);
  checkDuration(p, `${field}.duration`, value.duration);

  const warnings = value.warnings ?? [];
  if (!Array.isArray(warnings)) p.add(`${field}.warnings`, 'must be an array');
  else {
    const seen = new Set<string>();
    warnings.forEach((w: unknown, i: number) => {
      const wf = `${field}.warnings[${i}]`;
      if (!isObject(w)) return p.add(wf, 'must be an object with percent or before');
      checkKeys(p, wf, w, ['percent', 'before']);
      if ((w.percent === undefined) === (w.before === undefined)) return p.add(wf, 'give exactly one of percent or before');
      let key: string;
      if (w.percent !== undefined) {
        if (typeof w.percent !== 'number' || !(w.percent > 0 && w.percent < 100)) {
          return p.add(`${wf}.percent`, `must be a number strictly between 0 and 100, got ${JSON.stringify(w.percent)}`);
        }
        key = `${w.percent}%`;
      } else {
        if (!checkDuration(p, `${wf}.before`, w.before)) return;
        key = formatDuration(w.before as Duration);
      }
      if (seen.has(key)) p.add(wf, `duplicates another warning (${key})`);
      seen.add(key);
    });
  }

  const escalations = value.escalations ?? [];
  if (!Array.isArray(escalations)) p.add(`${field}.escalations`, 'must be an array');
  else {
    const seen = new Set<string>();
    escalations.forEach((e: unknown, i: number) => {
      const ef = `${field}.escalations[${i}]`;
      if (!isObject(e)) return p.add(ef, 'must be an object {step, afterBreach | deadlineMultiple}');
      checkKeys(p, ef, e, ['step', 'afterBreach', 'deadlineMultiple']);
      if (!(EscalationSteps as readonly unknown[]).includes(e.step)) {
        p.add(`${ef}.step`, `must be one of ${EscalationSteps.join(', ')}, got ${JSON.stringify(e.step)}`);
      } else if (seen.has(e.step as string)) {
        p.add(`${ef}.step`, `${e.step as string} appears twice in the ladder`);
      } else seen.add(e.step as string);
      if ((e.afterBreach === undefined) === (e.deadlineMultiple === undefined)) {
        return p.add(ef, 'give exactly one of afterBreach or deadlineMultiple');
      }
      if (e.afterBreach !== undefined) checkDuration(p, `${ef}.afterBreach`, e.afterBreach, { allowZero: true });
      else if (typeof e.deadlineMultiple !== 'number' || !(e.deadlineMultiple >= 1) || e.deadlineMultiple > 100) {
        p.add(`${ef}.deadlineMultiple`, `must be a number from 1 to 100, got ${JSON.stringify(e.deadlineMultiple)}`);
      }
    });
  }

  const pauseWhen = value.pauseWhen ?? [];
  if (!Array.isArray(pauseWhen)) p.add(`${field}.pauseWhen`, 'must be an array');
  else {
    pauseWhen.forEach((c: unknown, i: number) => {
      if (!(PauseConditions as readonly unknown[]).includes(c)) {
        p.add(`${field}.pauseWhen[${i}]`, `must be one of ${PauseConditions.join(', ')}, got ${JSON.stringify(c)}`);
      }
    });
    if (new Set(pauseWhen).size !== pauseWhen.length) p.add(`${field}.pauseWhen`, 'lists a condition twice');
  }
}

/** Problems with a policy's definition, by field; empty when it is good. */
export function validatePolicyDefinition(definition: unknown, knownCalendars: readonly string[]): FieldProblem[] {
  const p = new Problems();
  if (!isObject(definition)) {
    p.add('definition', 'must be an object {calendarId, timers}');
    return p.list;
  }
  checkKeys(p, 'definition', definition, ['calendarId', 'timers']);
  if (typeof definition.calendarId !== 'string' || !knownCalendars.includes(definition.calendarId)) {
    p.add('definition.calendarId', `must name a calendar (${knownCalendars.join(', ')}), got ${JSON.stringify(definition.calendarId)}`);
  }
  const timers = definition.timers;
  if (!isObject(timers) || Object.keys(timers).length === 0) {
    p.add('definition.timers', `must be an object with at least one of ${SlaTimerKinds.join(', ')}`);
    return p.list;
  }
  for (const [kind, rule] of Object.entries(timers)) {
    if (!(SlaTimerKinds as readonly string[]).includes(kind)) {
      p.add(`definition.timers.${kind}`, `unknown timer; allowed: ${SlaTimerKinds.join(', ')}`);
      continue;
    }
    checkTimerRule(p, `definition.timers.${kind}`, rule);
  }
  return p.list;
}

export function validateScope(category: unknown, urgency: unknown): FieldProblem[] {
  const p = new Problems();
  if (typeof category !== 'string' || (category !== WILDCARD && !CATEGORY_CODES.includes(category))) {
    p.add('category', `unknown category ${JSON.stringify(category)}; use '*' or one of ${CATEGORY_CODES.join(', ')}`);
  }
  if (typeof urgency !== 'string' || (urgency !== WILDCARD && !(Urgencies as readonly string[]).includes(urgency))) {
    p.add('urgency', `unknown urgency ${JSON.stringify(urgency)}; use '*' or one of ${Urgencies.join(', ')}`);
  }
  return p.list;
}

/** Fills the optional lists so that stored definitions have one shape. */
export function normalizeDefinition(d: PolicyDefinition): PolicyDefinition {
  const timers: PolicyDefinition['timers'] = {};
  for (const kind of SlaTimerKinds) {
    const r = d.timers[kind];
    if (!r) continue;
    timers[kind] = {
      duration: r.duration,
      warnings: r.warnings ?? [],
      escalations: r.escalations ?? [],
      pauseWhen: r.pauseWhen ?? [],
    };
  }
  return { calendarId: d.calendarId, timers };
}

export interface ResolvedRule {
  policy: PolicyVersion;
  rule: TimerRule;
}

const specificity = (p: PolicyVersion, category: string, urgency: string): number =>
  (p.category === category ? 2 : p.category === WILDCARD ? 0 : -100) + (p.urgency === urgency ? 1 : p.urgency === WILDCARD ? 0 : -100);

/**
 * The rule for one timer of a ticket: among the active policies that match the ticket's category
 * and urgency (exactly or by '*') and define this timer, the most specific wins (category beats
 * urgency, both beat neither). So a narrow policy may define only the timers it changes.
 */
export function resolveRule(policies: readonly PolicyVersion[], category: string, urgency: string, kind: SlaTimerKind): ResolvedRule | null {
  let best: ResolvedRule | null = null;
  let bestScore = -1;
  for (const p of policies) {
    const rule = p.definition.timers[kind];
    if (!rule) continue;
    const score = specificity(p, category, urgency);
    if (score > bestScore) {
      best = { policy: p, rule };
      bestScore = score;
    }
  }
  return best;
}
