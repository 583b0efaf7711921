import { applyToFact } from './fact-reducer';
import { ProjectedEntry, TicketFact } from './ticket-fact';

let seq = 0;
const at = (h: number) => new Date(Date.UTC(2026, 2, 2, 1) + h * 3600_000).toISOString();
const base = (lead: string | null) => ({
  ticketId: 't1',
  number: 'CS-1',
  status: 'assigned',
  enterpriseId: 'e1',
  category: 'labour',
  urgency: 'normal',
  gridId: 'g1',
  leadDepartmentId: lead,
  coHandlerDepartmentIds: [],
});
const ticket = (
  type: string,
  h: number,
  lead: string | null,
  extra: Record<string, unknown> = {},
): ProjectedEntry => ({
  seq: ++seq,
  type,
  topic: 'ticketing.ticket.v1',
  occurredAt: at(h),
  ticketId: 't1',
  payload: { ...base(lead), ...extra },
});
const sla = (
  type: string,
  h: number,
  kind: string,
  dueH: number,
  dep: string | null,
  extra: Record<string, unknown> = {},
): ProjectedEntry => ({
  seq: ++seq,
  type,
  topic: 'ticketing.sla.v1',
  occurredAt: at(h),
  ticketId: 't1',
  payload: { ticketId: 't1', timerId: 'x', kind, departmentId: dep, dueAt: at(dueH), ...extra },
});
const fold = (entries: ProjectedEntry[]): TicketFact =>
  entries.reduce<TicketFact | undefined>((f, e) => applyToFact(f, e) ?? f, undefined)!;

describe('applyToFact', () => {
  it('submission sets the month in China time (a ticket at 00:30 on 1 April Beijing time is April)', () => {
    const f = fold([
      ticket('ticket.submitted', 0, null, {
        submittedAt: '2026-03-31T16:30:00Z',
        title: 'T',
        enterpriseName: 'E',
      }),
    ]);
    expect(f.month).toBe('2026-04');
  });

  it('a transfer ends the first stint as transferred and opens one for the new lead', () => {
    const f = fold([
      ticket('ticket.assigned', 1, 'A', { via: 'rule' }),
      sla('sla.deadline-set', 1, 'respond', 5, 'A'),
      ticket('ticket.acknowledged', 2, 'A'),
      ticket('ticket.assigned', 4, 'B', { via: 'transfer' }),
      sla('sla.deadline-set', 4, 'respond', 8, 'B'),
    ]);
    expect(f.departmentId).toBe('B');
    expect(f.transferCount).toBe(1);
    expect(f.stints.map((s) => [s.departmentId, s.endedBy, !!s.acknowledgedAt, s.respondDueAt])).toEqual([
      ['A', 'transfer', true, at(5)],
      ['B', null, false, at(8)],
    ]);
  });

  it('a respond deadline that arrives before the assignment (other topic, other relay) still lands on the stint', () => {
    const f = fold([
      sla('sla.deadline-set', 1, 'respond', 5, 'A'),
      ticket('ticket.assigned', 1.01, 'A', { via: 'rule' }),
    ]);
    expect(f.stints[0].respondDueAt).toBe(at(5));
  });

  it('an approved extension moves the resolution deadline and clears its red card; the first resolution is kept', () => {
    const f = fold([
      ticket('ticket.assigned', 1, 'A', { via: 'rule' }),
      sla('sla.deadline-set', 2, 'resolve', 10, 'A'),
      sla('sla.breached', 10, 'resolve', 10, 'A', { level: 'red' }),
      ticket('ticket.extension-decided', 11, 'A', { approved: true, newDueAt: at(30) }),
      ticket('ticket.resolved', 20, 'A', { result: 'done' }),
      ticket('ticket.reopened', 25, 'A', { reopenCount: 1 }),
      ticket('ticket.resolved', 40, 'A', { result: 'done again' }),
    ]);
    expect(f).toMatchObject({
      resolveDueAt: at(30),
      originalResolveDueAt: at(10),
      resolveBreached: false,
      resolveAlert: null,
      resolvedAt: at(20),
      lastResolvedAt: at(40),
      result: 'done again',
      reopenCount: 1,
      extensionCount: 1,
    });
  });

  it('yellow then red, cleared by the action; closed tickets carry no card', () => {
    let f = fold([
      ticket('ticket.assigned', 1, 'A', { via: 'rule' }),
      ticket('ticket.acknowledged', 2, 'A'),
      sla('sla.warning', 50, 'resolve', 60, 'A', { level: 'yellow' }),
    ]);
    expect(f.alertLevel).toBe('yellow');
    f = applyToFact(f, sla('sla.breached', 60, 'resolve', 60, 'A', { level: 'red' }))!;
    expect(f.alertLevel).toBe('red');
    f = applyToFact(f, sla('sla.warning', 61, 'reply', 70, 'A', { level: 'yellow' }))!;
    f = applyToFact(f, ticket('ticket.resolved', 62, 'A'))!;
    expect([f.alertLevel, f.resolveAlert, f.replyAlert]).toEqual(['yellow', null, 'yellow']);
    f = applyToFact(f, ticket('ticket.closed', 63, 'A', { outcome: 'no_feedback' }))!;
    expect(f.alertLevel).toBeNull();
  });

  it('a warning for a step already done raises no card', () => {
    const f = fold([
      ticket('ticket.assigned', 1, 'A', { via: 'rule' }),
      ticket('ticket.acknowledged', 2, 'A'),
      sla('sla.breached', 5, 'respond', 5, 'A', { level: 'red' }),
    ]);
    expect([f.alertLevel, f.stints[0].respondBreached]).toEqual([null, false]);
  });

  it('the latest feedback counts; a close carrying a verdict counts when none came before', () => {
    let f = fold([
      ticket('ticket.feedback-given', 1, 'A', {
        satisfaction: 'unsatisfied',
        solved: false,
        contacted: true,
      }),
      ticket('ticket.feedback-given', 2, 'A', { satisfaction: 'satisfied', solved: true, contacted: true }),
    ]);
    expect([f.satisfaction, f.solved, f.feedbackCount]).toEqual(['satisfied', true, 2]);
    f = fold([
      ticket('ticket.closed', 3, 'A', {
        outcome: 'feedback',
        satisfaction: 'basically_satisfied',
        solved: true,
      }),
    ]);
    expect([f.satisfaction, f.feedbackCount]).toEqual(['basically_satisfied', 1]);
  });

  it('joint meeting from the SLA ladder or the committee, and the highest supervision level', () => {
    const f = fold([
      ticket('ticket.supervised', 1, 'A', { level: 'supervise', note: '督办' }),
      sla('sla.escalated', 2, 'resolve', 2, 'A', { step: 'urge', stepIndex: 0 }),
      ticket('ticket.supervised', 3, 'A', { level: 'joint_meeting', note: '需多部门协调' }),
    ]);
    expect(f).toMatchObject({
      superviseLevel: 'joint_meeting',
      jointMeetingAt: at(3),
      jointMeetingReason: '需多部门协调',
    });
  });

  it('ignores dispatch and directory entries and unknown types', () => {
    expect(
      applyToFact(undefined, {
        seq: 1,
        type: 'dispatch.decided',
        topic: 'ticketing.dispatch.v1',
        occurredAt: at(0),
        ticketId: 't1',
        payload: {},
      }),
    ).toBeNull();
    expect(
      applyToFact(undefined, {
        seq: 1,
        type: 'directory.grid-upserted',
        topic: 'ticketing.directory.v1',
        occurredAt: at(0),
        ticketId: 'g',
        payload: {},
      }),
    ).toBeNull();
  });
});
