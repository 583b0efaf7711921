import { DueStep, fire } from './due-step';

const step = (over: Partial<DueStep>): DueStep => ({
  step: 'breach',
  stepIndex: 0,
  fireAt: 1000,
  firedAt: 1001,
  timerId: 'timer-1',
  ticketId: 'ticket-1',
  kind: 'resolve',
  departmentId: null,
  dueAt: 1000,
  state: 'running',
  revision: 2,
  ...over,
});

describe('fire', () => {
  it('announces the steps of running timers in due order; a breach marks its timer', () => {
    const fired = fire([
      step({ step: 'escalation:joint_meeting', stepIndex: 2, fireAt: 3000 }),
      step({ step: 'breach', timerId: 'timer-2', state: 'paused' }),
      step({ step: 'warning:2 working_hours before', fireAt: 500 }),
      step({ step: 'breach' }),
    ]);
    expect(fired.events.map((e) => e.type)).toEqual(['sla.warning', 'sla.breached', 'sla.escalated']);
    expect(fired.events[0]!.payload).toMatchObject({
      level: 'yellow',
      threshold: '2 working_hours before',
      dueAt: new Date(1000).toISOString(),
    });
    expect(fired.events[2]!.payload).toMatchObject({ step: 'joint_meeting', stepIndex: 2 });
    expect(fired.breachedTimerIds).toEqual(['timer-1']);
  });

  it('gives a timer with no deadline an empty dueAt', () => {
    expect(fire([step({ dueAt: null })]).events[0]!.payload.dueAt).toBe('');
  });
});
