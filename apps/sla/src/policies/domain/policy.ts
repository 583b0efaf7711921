import {
  DEFAULT_CATEGORIES,
  SlaPauseReason,
  SlaPauseReasons,
  SlaTimerKind,
  SlaTimerKinds,
  Urgencies,
} from '@ticketing/contracts';
import { Duration, DurationUnits, formatDuration } from './duration';

export const WILDCARD = '*';

export const EscalationSteps = ['urge', 'supervise', 'joint_meeting'] as const;
export type EscalationStep = (typeof EscalationSteps)[number];

/**
 * Conditions under which a timer stops counting; the ticket events that start and end them are fixed
 * (extension requested → decided, transfer requested → decided, information requested → provided).
 */
export const PauseConditions = SlaPauseReasons;
export type PauseCondition = SlaPauseReason;

/**
 * What a policy's clocks run for: tickets (by category × urgency), or the decisions of joint meetings
 * (one zone-wide policy, '*' × '*', that sets only the `decision` timer).
 */
export const PolicySubjects = ['ticket', 'decision'] as const;
export type PolicySubject = (typeof PolicySubjects)[number];

/** The timers a policy of each subject may set. The callback's length is `callbackWindow`, not a timer rule. */
const SUBJECT_TIMERS: Record<PolicySubject, readonly SlaTimerKind[]> = {
  ticket: SlaTimerKinds.filter((k) => k !== 'decision' && k !== 'callback'),
  decision: ['decision'],
};

/** The subject whose policies set a timer of this kind. */
export const subjectOfKind = (kind: SlaTimerKind): PolicySubject =>
  kind === 'decision' ? 'decision' : 'ticket';

/** 回访: the committee's window after the enterprise's feedback window lapsed, when a policy names none. */
export const DEFAULT_CALLBACK_WINDOW: Duration = { amount: 3, unit: 'working_days' };

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
  /**
   * Ticket policies: while a department waits for the enterprise's answer (补充材料), the resolution
   * clock it governs stops, and so does each of its clocks whose pauseWhen lists awaiting_enterprise.
   * Absent: true. false: no clock of this policy stops for it.
   */
  pauseWhileAwaitingEnterprise?: boolean;
  /**
   * Ticket policies that set the feedback window: how long the committee has to call the enterprise
   * back (回访) once that window lapsed; the ticket closes as no feedback when it passes. 0: at once.
   * Absent: 3 working days.
   */
  callbackWindow?: Duration;
}

/** One version of a policy as stored; category and urgency are '*' for "any". */
export interface PolicyVersion {
  id: string;
  version: number;
  /** 中文 name (the UI's default language); `nameEn` beside it for the English UI. */
  name: string;
  nameEn: string | null;
  subject: PolicySubject;
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

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkKeys(p: Problems, field: string, value: Record<string, unknown>, allowed: readonly string[]) {
  for (const k of Object.keys(value)) {
    if (!allowed.includes(k)) p.add(`${field}.${k}`, `unknown field ${k}; allowed: ${allowed.join(', ')}`);
  }
}

function checkDuration(
  p: Problems,
  field: string,
  value: unknown,
  opts: { allowZero?: boolean } = {},
): value is Duration {
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
      if ((w.percent === undefined) === (w.before === undefined))
        return p.add(wf, 'give exactly one of percent or before');
      let key: string;
      if (w.percent !== undefined) {
        if (typeof w.percent !== 'number' || !(w.percent > 0 && w.percent < 100)) {
          return p.add(
            `${wf}.percent`,
            `must be a number strictly between 0 and 100, got ${JSON.stringify(w.percent)}`,
          );
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
      if (e.afterBreach !== undefined)
        checkDuration(p, `${ef}.afterBreach`, e.afterBreach, { allowZero: true });
      else if (
        typeof e.deadlineMultiple !== 'number' ||
        !(e.deadlineMultiple >= 1) ||
        e.deadlineMultiple > 100
      ) {
        p.add(
          `${ef}.deadlineMultiple`,
          `must be a number from 1 to 100, got ${JSON.stringify(e.deadlineMultiple)}`,
        );
      }
    });
  }

  const pauseWhen = value.pauseWhen ?? [];
  if (!Array.isArray(pauseWhen)) p.add(`${field}.pauseWhen`, 'must be an array');
  else {
    pauseWhen.forEach((c: unknown, i: number) => {
      if (!(PauseConditions as readonly unknown[]).includes(c)) {
        p.add(
          `${field}.pauseWhen[${i}]`,
          `must be one of ${PauseConditions.join(', ')}, got ${JSON.stringify(c)}`,
        );
      }
    });
    if (new Set(pauseWhen).size !== pauseWhen.length) p.add(`${field}.pauseWhen`, 'lists a condition twice');
  }
}

/** Problems with a policy's definition, by field; empty when it is good. */
export function validatePolicyDefinition(
  definition: unknown,
  knownCalendars: readonly string[],
  subject: PolicySubject = 'ticket',
): FieldProblem[] {
  const p = new Problems();
  if (!isObject(definition)) {
    p.add('definition', 'must be an object {calendarId, timers}');
    return p.list;
  }
  checkKeys(
    p,
    'definition',
    definition,
    subject === 'ticket'
      ? ['calendarId', 'timers', 'pauseWhileAwaitingEnterprise', 'callbackWindow']
      : ['calendarId', 'timers'],
  );
  if (typeof definition.calendarId !== 'string' || !knownCalendars.includes(definition.calendarId)) {
    p.add(
      'definition.calendarId',
      `must name a calendar (${knownCalendars.join(', ')}), got ${JSON.stringify(definition.calendarId)}`,
    );
  }
  if (
    definition.pauseWhileAwaitingEnterprise !== undefined &&
    typeof definition.pauseWhileAwaitingEnterprise !== 'boolean'
  ) {
    p.add(
      'definition.pauseWhileAwaitingEnterprise',
      `must be true or false, got ${JSON.stringify(definition.pauseWhileAwaitingEnterprise)}`,
    );
  }
  if (definition.callbackWindow !== undefined)
    checkDuration(p, 'definition.callbackWindow', definition.callbackWindow, { allowZero: true });
  const allowed = SUBJECT_TIMERS[subject];
  const timers = definition.timers;
  if (!isObject(timers) || Object.keys(timers).length === 0) {
    p.add('definition.timers', `must be an object with at least one of ${allowed.join(', ')}`);
    return p.list;
  }
  for (const [kind, rule] of Object.entries(timers)) {
    const field = `definition.timers.${kind}`;
    if (!allowed.includes(kind as SlaTimerKind)) {
      if (kind === 'callback' && subject === 'ticket')
        p.add(field, 'the callback window is set by definition.callbackWindow, not as a timer');
      else if (kind === 'decision')
        p.add(
          field,
          "decisions' clocks are set by the decision policy (subject decision), not a ticket policy",
        );
      else if (subject === 'decision') p.add(field, 'a decision policy sets only the decision timer');
      else p.add(field, `unknown timer; allowed: ${allowed.join(', ')}`);
      continue;
    }
    checkTimerRule(p, field, rule);
  }
  return p.list;
}

/** A subject, and the scope its policies may have: decisions have one zone-wide policy ('*' × '*'). */
export function validateScope(
  category: unknown,
  urgency: unknown,
  subject: unknown = 'ticket',
): FieldProblem[] {
  if (!(PolicySubjects as readonly unknown[]).includes(subject)) {
    return [
      {
        field: 'subject',
        messages: [`must be one of ${PolicySubjects.join(', ')}, got ${JSON.stringify(subject)}`],
      },
    ];
  }
  if (subject === 'decision') {
    const p = new Problems();
    if (category !== WILDCARD) p.add('category', "a decision policy is zone-wide: category must be '*'");
    if (urgency !== WILDCARD) p.add('urgency', "a decision policy is zone-wide: urgency must be '*'");
    return p.list;
  }
  const p = new Problems();
  if (typeof category !== 'string' || (category !== WILDCARD && !CATEGORY_CODES.includes(category))) {
    p.add(
      'category',
      `unknown category ${JSON.stringify(category)}; use '*' or one of ${CATEGORY_CODES.join(', ')}`,
    );
  }
  if (
    typeof urgency !== 'string' ||
    (urgency !== WILDCARD && !(Urgencies as readonly string[]).includes(urgency))
  ) {
    p.add('urgency', `unknown urgency ${JSON.stringify(urgency)}; use '*' or one of ${Urgencies.join(', ')}`);
  }
  return p.list;
}

/** Fills the optional lists so that stored definitions have one shape; the settings are kept only where stated. */
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
  const out: PolicyDefinition = { calendarId: d.calendarId, timers };
  if (d.pauseWhileAwaitingEnterprise !== undefined)
    out.pauseWhileAwaitingEnterprise = d.pauseWhileAwaitingEnterprise;
  if (d.callbackWindow !== undefined)
    out.callbackWindow = { amount: d.callbackWindow.amount, unit: d.callbackWindow.unit };
  return out;
}

/**
 * The rule a policy gives a timer of `kind`, with its settings applied; undefined when it sets none.
 * - `callback`: set by every policy that sets the feedback window (or states a callbackWindow): a
 *   deadline of callbackWindow (default 3 working days), no warning or escalation — its breach is the
 *   end of the story (the ticket closes as no feedback).
 * - `resolve` pauses while awaiting the enterprise unless pauseWhileAwaitingEnterprise is false;
 *   another clock pauses for it when its pauseWhen lists it and the setting is not false.
 */
export function ruleOf(definition: PolicyDefinition, kind: SlaTimerKind): TimerRule | undefined {
  if (kind === 'callback') {
    if (!definition.timers.feedback && definition.callbackWindow === undefined) return undefined;
    return {
      duration: definition.callbackWindow ?? DEFAULT_CALLBACK_WINDOW,
      warnings: [],
      escalations: [],
      pauseWhen: [],
    };
  }
  const rule = definition.timers[kind];
  if (!rule) return undefined;
  const awaiting = definition.pauseWhileAwaitingEnterprise !== false;
  const listed = rule.pauseWhen.includes('awaiting_enterprise');
  if (kind === 'resolve' && awaiting && !listed)
    return { ...rule, pauseWhen: [...rule.pauseWhen, 'awaiting_enterprise'] };
  if (!awaiting && listed)
    return { ...rule, pauseWhen: rule.pauseWhen.filter((c) => c !== 'awaiting_enterprise') };
  return rule;
}

export interface ResolvedRule {
  policy: PolicyVersion;
  rule: TimerRule;
}

const specificity = (p: PolicyVersion, category: string, urgency: string): number =>
  (p.category === category ? 2 : p.category === WILDCARD ? 0 : -100) +
  (p.urgency === urgency ? 1 : p.urgency === WILDCARD ? 0 : -100);

/**
 * The rule for one timer of a ticket: among the active policies that match the ticket's category
 * and urgency (exactly or by '*') and define this timer, the most specific wins (category beats
 * urgency, both beat neither). So a narrow policy may define only the timers it changes.
 */
export function resolveRule(
  policies: readonly PolicyVersion[],
  category: string,
  urgency: string,
  kind: SlaTimerKind,
): ResolvedRule | null {
  let best: ResolvedRule | null = null;
  let bestScore = -1;
  for (const p of policies) {
    if (p.subject !== subjectOfKind(kind)) continue;
    const rule = ruleOf(p.definition, kind);
    if (!rule) continue;
    const score = specificity(p, category, urgency);
    if (score > bestScore) {
      best = { policy: p, rule };
      bestScore = score;
    }
  }
  return best;
}
