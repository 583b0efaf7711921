import { DEFAULT_CATEGORIES, Urgencies } from '@ticketing/contracts';
import { DEFAULT_POLICIES } from './default-policies';
import { replyAfterResolveProblems, replyNeverAfterResolve } from './deadline-order';
import { basisOf } from './duration';
import {
  PolicyDefinition,
  PolicyVersion,
  normalizeDefinition,
  resolveRule,
  ruleOf,
  validatePolicyDefinition,
  validateScope,
} from './policy';

const policy = (
  category: string,
  urgency: string,
  timers: PolicyVersion['definition']['timers'],
  settings: Partial<PolicyDefinition> = {},
): PolicyVersion => ({
  id: `${category}|${urgency}`,
  version: 1,
  name: '',
  nameEn: null,
  subject: 'ticket',
  category,
  urgency,
  definition: normalizeDefinition({ calendarId: 'default', timers, ...settings }),
});
const DAY = 7 * 3_600_000;
const seeded = (): PolicyVersion[] =>
  DEFAULT_POLICIES.map((p, i) => ({
    id: `seed-${i}`,
    version: 1,
    name: p.name,
    nameEn: p.nameEn,
    subject: p.subject,
    category: p.category,
    urgency: p.urgency,
    definition: normalizeDefinition(p.definition),
  }));
const rule = (amount: number) => ({
  duration: { amount, unit: 'working_days' as const },
  warnings: [],
  escalations: [],
  pauseWhen: [],
});

describe('policy resolution', () => {
  const policies = [
    policy('*', '*', { respond: rule(1), resolve: rule(5), reply: rule(7) }),
    policy('*', 'urgent', { resolve: rule(1) }),
    policy('labour', '*', { resolve: rule(10), reply: rule(9) }),
    policy('labour', 'urgent', { reply: rule(2) }),
  ];
  const amount = (category: string, urgency: string, kind: 'respond' | 'resolve' | 'reply') =>
    resolveRule(policies, category, urgency, kind)?.rule.duration.amount;

  it('takes the most specific policy that defines the timer, timer by timer', () => {
    expect(amount('labour', 'urgent', 'reply')).toBe(2); // exact
    expect(amount('labour', 'urgent', 'resolve')).toBe(10); // category beats urgency
    expect(amount('labour', 'urgent', 'respond')).toBe(1); // only the wildcard has it
    expect(amount('tax', 'urgent', 'resolve')).toBe(1);
    expect(amount('tax', 'normal', 'resolve')).toBe(5);
    expect(amount('some-new-category', 'normal', 'reply')).toBe(7);
  });

  it('finds nothing when no policy defines the timer', () => {
    expect(resolveRule(policies, 'tax', 'normal', 'feedback')).toBeNull();
    expect(resolveRule([], 'tax', 'normal', 'respond')).toBeNull();
  });

  it('never applies a policy of another category or urgency', () => {
    expect(
      resolveRule([policy('tax', 'urgent', { respond: rule(3) })], 'tax', 'normal', 'respond'),
    ).toBeNull();
  });
});

describe('policy validation', () => {
  const calendars = ['default', 'zone-east'];
  const fields = (d: unknown) => validatePolicyDefinition(d, calendars).map((p) => p.field);

  it('accepts the seeded defaults', () => {
    for (const p of DEFAULT_POLICIES) {
      expect(validatePolicyDefinition(p.definition, calendars, p.subject)).toEqual([]);
      expect(validateScope(p.category, p.urgency, p.subject)).toEqual([]);
    }
  });

  it('checks the new settings: a boolean pause, a callback window that may be 0 but never negative', () => {
    const base = { calendarId: 'default', timers: { feedback: rule(5) } };
    expect(
      fields({
        ...base,
        pauseWhileAwaitingEnterprise: 'yes',
        callbackWindow: { amount: -1, unit: 'working_days' },
      }),
    ).toEqual(['definition.pauseWhileAwaitingEnterprise', 'definition.callbackWindow.amount']);
    expect(
      fields({
        ...base,
        pauseWhileAwaitingEnterprise: false,
        callbackWindow: { amount: 0, unit: 'working_days' },
      }),
    ).toEqual([]);
    expect(
      fields({
        ...base,
        timers: { ...base.timers, resolve: { ...rule(5), pauseWhen: ['awaiting_enterprise'] } },
      }),
    ).toEqual([]);
    // A decision policy sets only the decision clock, and none of the tickets' settings.
    expect(
      validatePolicyDefinition(
        { ...base, callbackWindow: { amount: 1, unit: 'working_days' } },
        calendars,
        'decision',
      ).map((p) => p.field),
    ).toEqual(['definition.callbackWindow', 'definition.timers.feedback']);
  });

  it('refuses an unknown category or urgency, naming the field', () => {
    expect(validateScope('astrology', '*').map((p) => p.field)).toEqual(['category']);
    expect(validateScope('*', 'whenever').map((p) => p.field)).toEqual(['urgency']);
  });

  it('refuses negative, zero, fractional-day and unknown-unit durations', () => {
    expect(
      fields({ calendarId: 'default', timers: { respond: { duration: { amount: -1, unit: 'hours' } } } }),
    ).toEqual(['definition.timers.respond.duration.amount']);
    expect(
      fields({ calendarId: 'default', timers: { respond: { duration: { amount: 0, unit: 'hours' } } } }),
    ).toEqual(['definition.timers.respond.duration.amount']);
    expect(
      fields({
        calendarId: 'default',
        timers: { respond: { duration: { amount: 1.5, unit: 'working_days' } } },
      }),
    ).toEqual(['definition.timers.respond.duration.amount']);
    expect(
      fields({ calendarId: 'default', timers: { respond: { duration: { amount: 1, unit: 'fortnights' } } } }),
    ).toEqual(['definition.timers.respond.duration.unit']);
  });

  it('refuses duplicate warnings and steps, and half-specified ones', () => {
    const problems = validatePolicyDefinition(
      {
        calendarId: 'default',
        timers: {
          resolve: {
            duration: { amount: 5, unit: 'working_days' },
            warnings: [
              { percent: 80 },
              { percent: 80 },
              { percent: 120 },
              { percent: 50, before: { amount: 1, unit: 'hours' } },
            ],
            escalations: [
              { step: 'urge', afterBreach: { amount: 0, unit: 'hours' } },
              { step: 'urge', deadlineMultiple: 2 },
              { step: 'supervise', afterBreach: { amount: -1, unit: 'hours' } },
            ],
            pauseWhen: ['extension_pending', 'lunch'],
          },
        },
      },
      calendars,
    );
    expect(problems.map((p) => p.field)).toEqual([
      'definition.timers.resolve.warnings[1]',
      'definition.timers.resolve.warnings[2].percent',
      'definition.timers.resolve.warnings[3]',
      'definition.timers.resolve.escalations[1].step',
      'definition.timers.resolve.escalations[2].afterBreach.amount',
      'definition.timers.resolve.pauseWhen[1]',
    ]);
  });

  it('refuses unknown timers, unknown calendars and stray fields', () => {
    expect(fields({ calendarId: 'mars', timers: { respond: rule(1), nap: rule(1) }, colour: 'red' })).toEqual(
      ['definition.colour', 'definition.calendarId', 'definition.timers.nap'],
    );
    expect(fields({ calendarId: 'default', timers: {} })).toEqual(['definition.timers']);
  });
});

describe('the settings as rules', () => {
  it('pauses the resolution while awaiting the enterprise unless the policy says false; other clocks when they list it', () => {
    const on = policy('*', '*', {
      resolve: rule(5),
      reply: { ...rule(5), pauseWhen: ['awaiting_enterprise'] },
      respond: rule(1),
    });
    expect(ruleOf(on.definition, 'resolve')!.pauseWhen).toEqual(['awaiting_enterprise']);
    expect(ruleOf(on.definition, 'reply')!.pauseWhen).toEqual(['awaiting_enterprise']);
    expect(ruleOf(on.definition, 'respond')!.pauseWhen).toEqual([]);
    const off = policy('*', '*', on.definition.timers, { pauseWhileAwaitingEnterprise: false });
    expect(ruleOf(off.definition, 'resolve')!.pauseWhen).toEqual([]);
    expect(ruleOf(off.definition, 'reply')!.pauseWhen).toEqual([]);
  });

  it('gives the callback clock the window of the policy that sets the feedback window: 3 working days unless it says', () => {
    const plain = policy('*', '*', { feedback: rule(5) });
    expect(ruleOf(plain.definition, 'callback')).toEqual({
      duration: { amount: 3, unit: 'working_days' },
      warnings: [],
      escalations: [],
      pauseWhen: [],
    });
    const zero = policy(
      '*',
      '*',
      { feedback: rule(5) },
      { callbackWindow: { amount: 0, unit: 'working_days' } },
    );
    expect(ruleOf(zero.definition, 'callback')!.duration).toEqual({ amount: 0, unit: 'working_days' });
    expect(ruleOf(policy('*', 'urgent', { resolve: rule(1) }).definition, 'callback')).toBeUndefined();
    // The most specific policy setting a feedback window decides.
    const narrow = policy(
      'tax',
      '*',
      { feedback: rule(2) },
      { callbackWindow: { amount: 4, unit: 'working_hours' } },
    );
    expect(resolveRule([plain, narrow], 'tax', 'urgent', 'callback')?.rule.duration).toEqual({
      amount: 4,
      unit: 'working_hours',
    });
    expect(resolveRule([plain, narrow], 'land', 'urgent', 'callback')?.policy).toBe(plain);
  });

  it('never resolves a ticket timer from the decisions’ policy, nor a decision’s from a ticket policy', () => {
    const decisions = { ...policy('*', '*', { decision: rule(10) }), subject: 'decision' as const };
    const tickets = policy('*', '*', { resolve: rule(5) });
    expect(resolveRule([decisions, tickets], '', '', 'decision')?.policy).toBe(decisions);
    expect(resolveRule([decisions], 'tax', 'normal', 'resolve')).toBeNull();
    expect(resolveRule([tickets], '', '', 'decision')).toBeNull();
  });
});

describe('deadline order: the answer never after the resolution', () => {
  const d = (amount: number, unit: 'working_days' | 'working_hours' | 'hours' | 'working_minutes') => ({
    amount,
    unit,
  });
  it('compares durations for every possible start', () => {
    expect(replyNeverAfterResolve(d(5, 'working_days'), DAY, d(5, 'working_days'), DAY)).toBe(true);
    expect(replyNeverAfterResolve(d(6, 'working_days'), DAY, d(5, 'working_days'), DAY)).toBe(false);
    // n working days last from n to n + 1 full days, depending on the start.
    expect(replyNeverAfterResolve(d(7, 'working_hours'), DAY, d(1, 'working_days'), DAY)).toBe(true);
    expect(replyNeverAfterResolve(d(8, 'working_hours'), DAY, d(1, 'working_days'), DAY)).toBe(false);
    expect(replyNeverAfterResolve(d(1, 'working_days'), DAY, d(14, 'working_hours'), DAY)).toBe(true);
    expect(replyNeverAfterResolve(d(1, 'working_days'), DAY, d(13, 'working_hours'), DAY)).toBe(false);
    // A wall-clock reply fits working time of at least its length; a working reply never surely fits wall-clock hours.
    expect(replyNeverAfterResolve(d(6, 'hours'), DAY, d(1, 'working_days'), DAY)).toBe(true);
    expect(replyNeverAfterResolve(d(10, 'working_days'), DAY, d(24, 'hours'), DAY)).toBe(false);
    expect(replyNeverAfterResolve(d(1, 'working_minutes'), DAY, d(720, 'hours'), DAY)).toBe(false);
  });

  it('holds for the seeded defaults, for every category and urgency', () => {
    const policies = seeded();
    for (const p of policies) expect(replyAfterResolveProblems(p, policies, { default: DAY })).toEqual([]);
    for (const urgency of Urgencies) {
      for (const { code } of DEFAULT_CATEGORIES) {
        const reply = resolveRule(policies, code, urgency, 'reply')!;
        const resolve = resolveRule(policies, code, urgency, 'resolve')!;
        expect([
          code,
          urgency,
          replyNeverAfterResolve(reply.rule.duration, DAY, resolve.rule.duration, DAY),
        ]).toEqual([code, urgency, true]);
        // Resolution counts working time, never clock hours.
        expect([code, urgency, basisOf(resolve.rule.duration.unit)]).toEqual([code, urgency, 'working']);
      }
    }
  });

  it('catches the issue’s case: utilities resolved in 24 clock hours, answered in 10 working days', () => {
    const zoneWide = policy('*', '*', { resolve: rule(5), reply: rule(10) });
    const utilities = policy('utilities', 'normal', {
      resolve: { ...rule(1), duration: { amount: 24, unit: 'hours' } },
    });
    const problems = replyAfterResolveProblems(utilities, [zoneWide], { default: DAY });
    expect(problems.map((p) => p.field)).toEqual(['definition.timers.resolve.duration']);
    expect(problems[0]!.messages[0]).toMatch(/10 working_days.*24 hours.*utilities × normal/);
  });
});
