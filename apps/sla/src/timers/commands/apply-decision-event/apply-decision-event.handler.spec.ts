import { EventPayloads, MeetingEvents } from '@ticketing/contracts';
import { errorsOf, refusal, refusedToBuild, slaKit } from '../../../handler-spec.fixture';
import { DecisionEvent } from '../../domain/decision-clock.aggregate';
import { ApplyDecisionEventCommand } from './apply-decision-event.command';
import { ApplyDecisionEventHandler } from './apply-decision-event.handler';

const DECISION = 'dc-0190f1f0-0000-7000-8000-000000000001';
/** Friday 2025-03-07 15:00 in Beijing: the joint meeting decides. */
const DECIDED_AT = '2025-03-07T07:00:00.000Z';

const made = (over: Partial<EventPayloads['meeting.decision-made']> = {}): DecisionEvent => ({
  type: MeetingEvents.decisionMade,
  payload: {
    decisionId: DECISION,
    meetingId: 'mt-1',
    itemId: 'item-1',
    ticketId: null,
    needId: null,
    enterpriseId: 'ent-A',
    title: '园区货运专线',
    task: '交通运输局牵头协调开通货运专线',
    leadDepartmentId: 'dep-transport',
    coHandlerDepartmentIds: ['dep-urban'],
    dueWorkingDays: 5,
    cooperation: false,
    decidedAt: DECIDED_AT,
    ...over,
  },
});
const reported = (departmentId: string, progress: 'in_progress' | 'done' = 'done'): DecisionEvent => ({
  type: MeetingEvents.decisionReported,
  payload: { decisionId: DECISION, meetingId: 'mt-1', departmentId, progress, report: '已协调' },
});
const closed = (outcome: 'solved' | 'unsolved' | 'withdrawn'): DecisionEvent => ({
  type: MeetingEvents.decisionClosed,
  payload: { decisionId: DECISION, meetingId: 'mt-1', outcome, note: '', reportedAtMeetingId: null },
});

const apply = (kit: ReturnType<typeof slaKit>, event: DecisionEvent, occurredAt = DECIDED_AT) =>
  new ApplyDecisionEventHandler(kit.uow, kit.timers, kit.policies, kit.calendars).execute(
    ApplyDecisionEventCommand.create({ event, occurredAt }),
  );
const clock = (kit: ReturnType<typeof slaKit>) => kit.timers.ofTicket(DECISION);
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());

describe('ApplyDecisionEventHandler', () => {
  it('opens the lead department’s clock, due its working days after the meeting, with the decisions’ policy’s warnings and ladder', async () => {
    const kit = slaKit();
    await apply(kit, made());
    const [timer] = clock(kit);
    expect(timer).toMatchObject({
      kind: 'decision',
      ticketId: DECISION,
      departmentId: 'dep-transport',
      state: 'running',
      startedAt: Date.parse(DECIDED_AT),
      ownDuration: { amount: 5, unit: 'working_days' },
    });
    expect(iso(timer!.dueAt)).toBe('2025-03-14T09:30:00.000Z'); // 5 working days after Friday: the close of the next Friday
    expect(kit.timers.firings.get(timer!.id)!.map((f) => f.step)).toEqual([
      'warning:80%',
      'breach',
      'escalation:urge',
      'escalation:supervise',
      'escalation:joint_meeting',
    ]);
    expect(kit.timers.events).toEqual([
      expect.objectContaining({
        type: 'sla.deadline-set',
        ticketId: DECISION,
        payload: expect.objectContaining({
          subject: 'decision',
          kind: 'decision',
          departmentId: 'dep-transport',
          reason: 'opened',
        }),
      }),
    ]);
    expect(kit.timers.decisions.get(DECISION)).toMatchObject({
      leadDepartmentId: 'dep-transport',
      coHandlerDepartmentIds: ['dep-urban'],
      status: 'open',
    });
    // Made again (a replay): nothing more.
    await apply(kit, made());
    expect(clock(kit)).toHaveLength(1);
    expect(kit.timers.events).toHaveLength(1);
  });

  it('a decision that names no days takes the policy’s length (10 working days)', async () => {
    const kit = slaKit();
    await apply(kit, made({ dueWorkingDays: 0 }));
    expect(clock(kit)[0]).toMatchObject({ ownDuration: null });
    expect(iso(clock(kit)[0]!.dueAt)).toBe('2025-03-21T09:30:00.000Z');
  });

  it('stops on the lead’s report of done, not on a co-handler’s nor on progress', async () => {
    const kit = slaKit();
    await apply(kit, made());
    await apply(kit, reported('dep-urban'), '2025-03-10T02:00:00.000Z');
    await apply(kit, reported('dep-transport', 'in_progress'), '2025-03-10T02:00:00.000Z');
    expect(clock(kit)[0]!.state).toBe('running');
    await apply(kit, reported('dep-transport'), '2025-03-11T02:00:00.000Z');
    expect(clock(kit)[0]).toMatchObject({ state: 'stopped', outcome: 'met' });
    expect(kit.timers.decisions.get(DECISION)!.status).toBe('done');
    expect(kit.timers.events.at(-1)).toMatchObject({
      type: 'sla.timer-stopped',
      payload: { subject: 'decision', breached: false },
    });
  });

  it('stops when the committee closes it: breached past its deadline, cancelled when withdrawn in time', async () => {
    const late = slaKit();
    await apply(late, made());
    await apply(late, closed('unsolved'), '2025-03-17T02:00:00.000Z');
    expect(clock(late)[0]).toMatchObject({ state: 'stopped', outcome: 'breached' });
    expect(late.timers.decisions.get(DECISION)!.status).toBe('closed');
    const withdrawn = slaKit();
    await apply(withdrawn, made());
    await apply(withdrawn, closed('withdrawn'), '2025-03-10T02:00:00.000Z');
    expect(clock(withdrawn)[0]).toMatchObject({ state: 'stopped', outcome: 'cancelled' });
  });

  it('ignores reports of a decision it never heard of, and refuses an impossible number of days, writing nothing', async () => {
    const kit = slaKit();
    await apply(kit, reported('dep-transport'));
    expect(kit.timers.decisions.size).toBe(0);
    const e = await refusal(apply(kit, made({ dueWorkingDays: 100_000 })));
    expect(errorsOf(e).map((f) => f.field)).toEqual(['payload.dueWorkingDays']);
    expect(kit.timers.decisions.size).toBe(0);
    expect(kit.timers.saves).toBe(1);
    expect(
      refusedToBuild(() => ApplyDecisionEventCommand.create({ event: made(), occurredAt: 'now' })).code,
    ).toBe('validation');
  });
});
