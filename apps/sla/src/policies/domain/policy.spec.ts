import { DEFAULT_POLICIES } from './default-policies';
import { PolicyVersion, normalizeDefinition, resolveRule, validatePolicyDefinition, validateScope } from './policy';

const policy = (category: string, urgency: string, timers: PolicyVersion['definition']['timers']): PolicyVersion => ({
  id: `${category}|${urgency}`,
  version: 1,
  name: '',
  category,
  urgency,
  definition: normalizeDefinition({ calendarId: 'default', timers }),
});
const rule = (amount: number) => ({ duration: { amount, unit: 'working_days' as const }, warnings: [], escalations: [], pauseWhen: [] });

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
    expect(resolveRule([policy('tax', 'urgent', { respond: rule(3) })], 'tax', 'normal', 'respond')).toBeNull();
  });
});

describe('policy validation', () => {
  const calendars = ['default', 'zone-east'];
  const fields = (d: unknown) => validatePolicyDefinition(d, calendars).map((p) => p.field);

  it('accepts the seeded defaults', () => {
    for (const p of DEFAULT_POLICIES) {
      expect(validatePolicyDefinition(p.definition, calendars)).toEqual([]);
      expect(validateScope(p.category, p.urgency)).toEqual([]);
    }
  });

  it('refuses an unknown category or urgency, naming the field', () => {
    expect(validateScope('astrology', '*').map((p) => p.field)).toEqual(['category']);
    expect(validateScope('*', 'whenever').map((p) => p.field)).toEqual(['urgency']);
  });

  it('refuses negative, zero, fractional-day and unknown-unit durations', () => {
    expect(fields({ calendarId: 'default', timers: { respond: { duration: { amount: -1, unit: 'hours' } } } })).toEqual([
      'definition.timers.respond.duration.amount',
    ]);
    expect(fields({ calendarId: 'default', timers: { respond: { duration: { amount: 0, unit: 'hours' } } } })).toEqual([
      'definition.timers.respond.duration.amount',
    ]);
    expect(fields({ calendarId: 'default', timers: { respond: { duration: { amount: 1.5, unit: 'working_days' } } } })).toEqual([
      'definition.timers.respond.duration.amount',
    ]);
    expect(fields({ calendarId: 'default', timers: { respond: { duration: { amount: 1, unit: 'fortnights' } } } })).toEqual([
      'definition.timers.respond.duration.unit',
    ]);
  });

  it('refuses duplicate warnings and steps, and half-specified ones', () => {
    const problems = validatePolicyDefinition(
      {
        calendarId: 'default',
        timers: {
          resolve: {
            duration: { amount: 5, unit: 'working_days' },
            warnings: [{ percent: 80 }, { percent: 80 }, { percent: 120 }, { percent: 50, before: { amount: 1, unit: 'hours' } }],
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
    expect(fields({ calendarId: 'mars', timers: { respond: rule(1), nap: rule(1) }, colour: 'red' })).toEqual([
      'definition.colour',
      'definition.calendarId',
      'definition.timers.nap',
    ]);
    expect(fields({ calendarId: 'default', timers: {} })).toEqual(['definition.timers']);
  });
});
