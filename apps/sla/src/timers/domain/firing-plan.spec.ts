import { WorkCalendar } from '@ticketing/calendar';
import { TimerRule } from '../../policies/domain/policy';
import { planFirings } from './firing-plan';
import { TimerFacts } from './timer';

const cal = new WorkCalendar();
const at = (s: string) => Date.parse(s);
const H = 3_600_000;

const rule: TimerRule = {
  duration: { amount: 5, unit: 'working_days' },
  warnings: [{ percent: 80 }, { before: { amount: 2, unit: 'working_hours' } }],
  escalations: [
    { step: 'urge', afterBreach: { amount: 0, unit: 'working_days' } },
    { step: 'supervise', afterBreach: { amount: 1, unit: 'working_days' } },
    { step: 'joint_meeting', deadlineMultiple: 2 },
  ],
  pauseWhen: ['extension_pending'],
};

describe('firing plan', () => {
  // Monday 2025-03-03 09:00 + 5 working days → Monday 2025-03-10 17:30; 5 × 7 h + 7 h of the start day.
  const t: TimerFacts = {
    kind: 'resolve',
    basis: 'working',
    startedAt: at('2025-03-03T09:00:00+08:00'),
    budgetMs: 42 * H,
    extensionMs: 0,
    pauses: [],
    stoppedAt: null,
  };

  it('plans warnings, breach and the escalation ladder in working time', () => {
    const plan = planFirings(t, rule, cal).map((f) => [f.step, new Date(f.fireAt).toISOString()]);
    expect(plan).toEqual([
      // 80% of 42 h = 33.6 h = 4 days (28 h) + 5.6 h: Friday 09:00 + 3 h → 12:00, + 2.6 h → 16:06.
      ['warning:80%', '2025-03-07T08:06:00.000Z'],
      ['warning:2 working_hours before', '2025-03-10T07:30:00.000Z'], // Monday 15:30
      ['breach', '2025-03-10T09:30:00.000Z'],
      ['escalation:urge', '2025-03-10T09:30:00.000Z'],
      ['escalation:supervise', '2025-03-11T09:30:00.000Z'], // end of the next working day
      ['escalation:joint_meeting', '2025-03-18T09:30:00.000Z'], // twice the allowance: 84 working hours = 12 working days from Monday
    ]);
  });

  it('plans nothing for a paused or stopped timer', () => {
    expect(
      planFirings(
        { ...t, pauses: [{ from: t.startedAt + H, to: null, reason: 'extension_pending' }] },
        rule,
        cal,
      ),
    ).toEqual([]);
    expect(planFirings({ ...t, stoppedAt: t.startedAt + H }, rule, cal)).toEqual([]);
  });

  it('clamps a lead time longer than the allowance to the start', () => {
    const short: TimerFacts = { ...t, basis: 'wall', budgetMs: 60_000 };
    const plan = planFirings(
      short,
      { ...rule, warnings: [{ before: { amount: 2, unit: 'hours' } }], escalations: [] },
      cal,
    );
    expect(plan[0]).toMatchObject({ step: 'warning:2 hours before', fireAt: t.startedAt });
  });

  it('keeps step keys independent of list order, so a reordered policy never refires a step', () => {
    const reordered = {
      ...rule,
      warnings: [...rule.warnings].reverse(),
      escalations: [...rule.escalations].reverse(),
    };
    expect(
      planFirings(t, reordered, cal)
        .map((f) => f.step)
        .sort(),
    ).toEqual(
      planFirings(t, rule, cal)
        .map((f) => f.step)
        .sort(),
    );
  });

  it('moves the plan by the paused working time', () => {
    const paused: TimerFacts = {
      ...t,
      pauses: [
        {
          from: at('2025-03-04T09:00:00+08:00'),
          to: at('2025-03-05T09:00:00+08:00'),
          reason: 'extension_pending',
        },
      ],
    };
    const breach = planFirings(paused, rule, cal).find((f) => f.step === 'breach')!;
    expect(new Date(breach.fireAt).toISOString()).toBe('2025-03-11T09:30:00.000Z');
  });
});
