import { TicketEvents } from '@ticketing/contracts';
import { refusedToBuild, slaKit, errorsOf } from '../../../handler-spec.fixture';
import { PolicyVersion, normalizeDefinition } from '../../../policies/domain/policy';
import {
  ApplyTicketEventsCommand,
  TicketEventItem,
} from '../apply-ticket-events/apply-ticket-events.command';
import { ApplyTicketEventsHandler } from '../apply-ticket-events/apply-ticket-events.handler';
import { RecomputeTimersCommand } from './recompute-timers.command';
import { RecomputeTimersHandler } from './recompute-timers.handler';

const POLICY = '01900000-0000-7000-8000-0000000000aa';
const MONDAY = '2030-03-04T02:00:00.000Z'; // 10:00 in Beijing, far enough to stay unfired

const policy = (version: number, timers: PolicyVersion['definition']['timers']): PolicyVersion => ({
  id: POLICY,
  version,
  name: 'finance',
  nameEn: null,
  subject: 'ticket',
  category: 'finance',
  urgency: '*',
  definition: normalizeDefinition({ calendarId: 'default', timers }),
});
const respondIn = (amount: number, unit: 'working_days' | 'working_hours') => ({
  respond: { duration: { amount, unit }, warnings: [], escalations: [], pauseWhen: [] },
});

async function openRespondTimers(kit: ReturnType<typeof slaKit>, tickets: string[]) {
  const handler = new ApplyTicketEventsHandler(kit.uow, kit.timers, kit.policies, kit.calendars);
  for (const ticketId of tickets) {
    await handler.execute(
      ApplyTicketEventsCommand.create({
        events: [
          TicketEventItem.of({
            event: {
              type: TicketEvents.assigned,
              payload: {
                ticketId,
                number: 'CS-2030-000001',
                status: 'assigned',
                enterpriseId: 'ent-A',
                category: 'finance',
                urgency: 'normal',
                gridId: null,
                leadDepartmentId: 'dep-fin',
                coHandlerDepartmentIds: [],
                via: 'rule',
                ruleId: null,
                previousLeadDepartmentId: null,
                firstHandlerDepartmentId: 'dep-fin',
              },
            },
            occurredAt: MONDAY,
          }),
        ],
      }),
    );
  }
}

/** The policy's version 2 as an edit leaves it, with its recompute job queued. */
async function edit(kit: ReturnType<typeof slaKit>, timers: PolicyVersion['definition']['timers']) {
  const v1 = kit.policies.versions.find((v) => v.id === POLICY)!;
  v1.active = false;
  kit.policies.versions.push({ ...policy(2, timers), active: true, createdBy: 'u-committee' });
  kit.jobs.enqueue('policy', POLICY, `policy ${POLICY} v2`);
}

const recompute = (kit: ReturnType<typeof slaKit>, batchSize: number) =>
  new RecomputeTimersHandler(kit.uow, kit.jobs, kit.timers, kit.policies, kit.calendars).execute(
    RecomputeTimersCommand.create({ batchSize, now: new Date('2030-03-04T03:00:00Z') }),
  );

describe('RecomputeTimersHandler', () => {
  it('moves the deadlines of the policy’s open timers a batch at a time, advancing the job, then finishes it', async () => {
    const kit = slaKit({ policies: [policy(1, respondIn(2, 'working_days'))] });
    await openRespondTimers(kit, ['t-1', 't-2', 't-3']);
    const opened = kit.timers.events.length;
    const stopped = [...kit.timers.timers.values()][0]!;
    stopped.state = 'stopped'; // stopped timers are never rewritten
    const stoppedBefore = structuredClone(stopped);
    await edit(kit, respondIn(4, 'working_hours'));

    expect(await recompute(kit, 1)).toBe(true);
    expect(await recompute(kit, 1)).toBe(true);
    expect(kit.jobs.jobs[0]).toMatchObject({ processed: 2, changed: 2, finished: false });
    expect(await recompute(kit, 1)).toBe(true); // nothing left: the job is done
    expect(kit.jobs.jobs[0]!.finished).toBe(true);
    expect(await recompute(kit, 1)).toBe(false);

    const open = [...kit.timers.timers.values()].filter((t) => t.state !== 'stopped');
    expect(open.map((t) => [t.policyVersion, new Date(t.dueAt!).toISOString(), t.revision])).toEqual([
      [2, '2030-03-04T07:30:00.000Z', 2], // 10:00–12:00 and 13:30–15:30
      [2, '2030-03-04T07:30:00.000Z', 2],
    ]);
    expect(kit.timers.timers.get(stopped.id)).toEqual(stoppedBefore);
    const recomputed = kit.timers.events.slice(opened);
    expect(
      recomputed.map((e) => e.type === 'sla.deadline-set' && [e.payload.reason, e.payload.policyVersion]),
    ).toEqual([
      ['recomputed', 2],
      ['recomputed', 2],
    ]);
    expect(open.every((t) => kit.timers.firings.get(t.id)!.some((f) => f.step === 'breach'))).toBe(true);
    expect(kit.uow.transactions).toBe(3 + 4);
  });

  it('stops a timer no active policy sets any more as cancelled', async () => {
    const kit = slaKit({ policies: [policy(1, respondIn(2, 'working_days'))] });
    await openRespondTimers(kit, ['t-1']);
    await edit(kit, {
      resolve: {
        duration: { amount: 5, unit: 'working_days' },
        warnings: [],
        escalations: [],
        pauseWhen: [],
      },
    });
    await recompute(kit, 10);
    const [timer] = kit.timers.timers.values();
    expect(timer).toMatchObject({
      state: 'stopped',
      outcome: 'cancelled',
      stoppedAt: Date.parse('2030-03-04T03:00:00Z'),
    });
    expect(kit.timers.firings.get(timer!.id)).toEqual([]);
    expect(kit.timers.events.at(-1)).toMatchObject({
      type: 'sla.timer-stopped',
      payload: { outcome: 'cancelled', breached: false, workingMinutesUsed: 60 },
    });
    expect(kit.jobs.jobs[0]).toMatchObject({ processed: 1, changed: 1 });
  });

  it('refuses a batch of no timers', () => {
    const e = refusedToBuild(() => RecomputeTimersCommand.create({ batchSize: 0, now: new Date() }));
    expect(errorsOf(e)).toEqual([{ field: 'batchSize', messages: [expect.any(String)] }]);
  });
});
