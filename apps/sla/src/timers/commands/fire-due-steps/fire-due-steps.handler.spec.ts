import { refusedToBuild, slaKit, errorsOf } from '../../../handler-spec.fixture';
import { DueStep } from '../../domain/due-step';
import { FireDueStepsCommand } from './fire-due-steps.command';
import { FireDueStepsHandler } from './fire-due-steps.handler';

const T0 = Date.parse('2025-03-04T09:30:00Z');

const step = (over: Partial<DueStep>): DueStep => ({
  step: 'breach',
  stepIndex: 0,
  fireAt: T0,
  firedAt: 0,
  timerId: 'timer-1',
  ticketId: 'ticket-1',
  kind: 'respond',
  departmentId: 'dep-hr',
  dueAt: T0,
  state: 'running',
  revision: 3,
  ...over,
});

const fireAt = (kit: ReturnType<typeof slaKit>, now: number, limit = 500) =>
  new FireDueStepsHandler(kit.uow, kit.firings).execute(
    FireDueStepsCommand.create({ now: new Date(now), limit }),
  );

describe('FireDueStepsHandler', () => {
  it('announces each due step of a running timer once, in due order, and marks breached timers', async () => {
    const kit = slaKit({
      dueSteps: [
        step({ step: 'escalation:urge', fireAt: T0 + 1000, stepIndex: 0 }),
        step({ step: 'breach' }),
        step({ step: 'warning:80%', fireAt: T0 - 60_000 }),
        step({ step: 'escalation:supervise', fireAt: T0 + 3_600_000, stepIndex: 1 }),
      ],
    });
    const result = await fireAt(kit, T0 + 5000);
    expect(result).toEqual({ claimed: 3, nextAt: T0 + 3_600_000 });
    expect(kit.firings.events.map((e) => [e.type, e.ticketId, e.revision])).toEqual([
      ['sla.warning', 'ticket-1', 3],
      ['sla.breached', 'ticket-1', 3],
      ['sla.escalated', 'ticket-1', 3],
    ]);
    expect(kit.firings.events[0]!.payload).toEqual({
      ticketId: 'ticket-1',
      subject: 'ticket',
      timerId: 'timer-1',
      kind: 'respond',
      departmentId: 'dep-hr',
      dueAt: '2025-03-04T09:30:00.000Z',
      fireAt: '2025-03-04T09:29:00.000Z',
      level: 'yellow',
      threshold: '80%',
    });
    expect(kit.firings.events[2]!.payload).toMatchObject({ step: 'urge', stepIndex: 0 });
    expect([...kit.firings.breached]).toEqual(['timer-1']);
    expect(kit.uow.transactions).toBe(1);

    // Claimed once: a second turn finds nothing more due.
    expect(await fireAt(kit, T0 + 5000)).toEqual({ claimed: 0, nextAt: T0 + 3_600_000 });
    expect(kit.firings.events).toHaveLength(3);
  });

  it('claims the steps of a paused or stopped timer without a word, and takes at most the limit per turn', async () => {
    const kit = slaKit({
      dueSteps: [
        step({ timerId: 'paused', state: 'paused' }),
        step({ timerId: 'stopped', state: 'stopped', step: 'warning:80%' }),
        step({ timerId: 'a', fireAt: T0 + 1 }),
        step({ timerId: 'b', fireAt: T0 + 2 }),
      ],
    });
    expect(await fireAt(kit, T0 + 10, 3)).toEqual({ claimed: 3, nextAt: T0 + 2 });
    expect(kit.firings.events.map((e) => e.payload.timerId)).toEqual(['a']);
    expect([...kit.firings.breached]).toEqual(['a']);
    expect(await fireAt(kit, T0 + 10, 3)).toEqual({ claimed: 1, nextAt: null });
    expect([...kit.firings.breached]).toEqual(['a', 'b']);
  });

  it('says a decision’s steps are about the decision, keyed by it, for its lead department', async () => {
    const kit = slaKit({
      dueSteps: [
        step({ timerId: 'd-timer', ticketId: 'decision-7', kind: 'decision', step: 'warning:80%' }),
        step({ timerId: 'd-timer', ticketId: 'decision-7', kind: 'decision', fireAt: T0 + 1 }),
      ],
    });
    await fireAt(kit, T0 + 10);
    expect(
      kit.firings.events.map((e) => [e.type, e.ticketId, e.payload.subject, e.payload.departmentId]),
    ).toEqual([
      ['sla.warning', 'decision-7', 'decision', 'dep-hr'],
      ['sla.breached', 'decision-7', 'decision', 'dep-hr'],
    ]);
  });

  it('refuses a turn without room for a single step', () => {
    const e = refusedToBuild(() => FireDueStepsCommand.create({ now: new Date(T0), limit: 0 }));
    expect(errorsOf(e)).toEqual([{ field: 'limit', messages: [expect.any(String)] }]);
  });
});
