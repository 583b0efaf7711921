import { Actor, DomainError, TicketEvents, TicketStatus, TicketStatuses } from '@ticketing/contracts';
import { Ticket, TicketProps } from './ticket.aggregate';
import { TicketAction, TicketActions, TRANSITIONS } from './ticket-state-machine';

const NOW = new Date('2026-03-02T02:00:00Z');
const LATER = new Date('2026-03-20T09:00:00Z');
const LEAD = 'dep-lead';
const CO = 'dep-co';
const enterprise: Actor = { id: 'u-ent', role: 'enterprise' };
const department: Actor = { id: 'u-dep', role: 'department' };
const committee: Actor = { id: 'u-com', role: 'committee' };
const system: Actor = { id: 'system', role: 'system' };

function props(status: TicketStatus, over: Partial<TicketProps> = {}): TicketProps {
  return {
    id: 't-1',
    number: 'CS-2026-000001',
    enterpriseId: 'ent-1',
    enterpriseName: '六枝机械厂',
    gridId: 'grid-1',
    submittedBy: { id: enterprise.id, role: 'enterprise' },
    title: 'Water main broken',
    description: 'The water main at gate 2 is broken.',
    category: 'utilities',
    urgency: 'urgent',
    location: 'Gate 2',
    contact: { name: '张三', phone: '13800138000' },
    attachments: [],
    status,
    leadDepartmentId: status === 'submitted' || status === 'triage' ? null : LEAD,
    firstHandlerDepartmentId: status === 'submitted' || status === 'triage' ? null : LEAD,
    coHandlers: [],
    acknowledgedSinceAssign: ['in_progress', 'resolved'].includes(status),
    pendingExtension: null,
    resolution: null,
    repliedThisRound: false,
    feedback: null,
    reopenCount: 0,
    closeOutcome: null,
    submittedAt: NOW,
    closedAt: null,
    updatedAt: NOW,
    version: 5,
    ...over,
  };
}

/** Sets up whatever the action needs besides the status, so the spec isolates the status rule. */
function ready(action: TicketAction, status: TicketStatus): Ticket {
  switch (action) {
    case 'decideExtension':
      return Ticket.rehydrate(
        props(status, {
          pendingExtension: {
            departmentId: LEAD,
            reason: 'need time',
            proposedDueAt: LATER,
            requestedAt: NOW,
          },
        }),
      );
    case 'reportPart':
      return Ticket.rehydrate(
        props(status, {
          coHandlers: [{ departmentId: CO, content: null, reportedAt: null, reportedBy: null }],
        }),
      );
    case 'giveFeedback':
      return Ticket.rehydrate(props(status, { repliedThisRound: true }));
    case 'reopen':
      return Ticket.rehydrate(
        props(status, {
          repliedThisRound: true,
          feedback: {
            contacted: true,
            solved: false,
            satisfaction: 'unsatisfied',
            comment: null,
            givenAt: NOW,
          },
        }),
      );
    default:
      return Ticket.rehydrate(props(status));
  }
}

const perform: Record<TicketAction, (t: Ticket) => void> = {
  queueTriage: (t) => t.queueTriage(system, 'no rule matched', NOW),
  assign: (t) =>
    t.assign(
      system,
      {
        leadDepartmentId: LEAD,
        coHandlerDepartmentIds: [CO],
        via: 'rule',
        ruleId: 'r1',
        explanation: 'category',
      },
      NOW,
    ),
  withdraw: (t) => t.withdraw(enterprise, 'solved ourselves', NOW),
  acknowledge: (t) => t.acknowledge(department, null, NOW),
  requestTransfer: (t) => t.requestTransfer(department, 'not ours', NOW),
  approveTransfer: (t) =>
    t.decideTransfer(
      system,
      { approved: true, leadDepartmentId: 'dep-new', coHandlerDepartmentIds: [], note: 'ok' },
      NOW,
    ),
  rejectTransfer: (t) =>
    t.decideTransfer(
      system,
      { approved: false, leadDepartmentId: null, coHandlerDepartmentIds: [], note: 'yours' },
      NOW,
    ),
  interimReply: (t) => t.interimReply(department, 'working on it', NOW),
  requestExtension: (t) =>
    t.requestExtension(department, { reason: 'waiting for the utility', proposedDueAt: LATER }, NOW),
  decideExtension: (t) => t.decideExtension(committee, { approved: true, note: null, newDueAt: null }, NOW),
  reportPart: (t) => t.reportPart(department, CO, 'our part is done', NOW),
  resolve: (t) => t.resolve(department, { result: 'fixed', evidence: [] }, NOW),
  reply: (t) => t.reply(department, 'we fixed it', NOW),
  giveFeedback: (t) =>
    t.giveFeedback(
      enterprise,
      { contacted: true, solved: true, satisfaction: 'satisfied', comment: null },
      NOW,
    ),
  reopen: (t) => t.reopen(enterprise, 'still broken', 2, NOW),
  close: (t) => t.close(enterprise, null, NOW),
  closeWithoutFeedback: (t) => t.closeWithoutFeedback(system, NOW),
  supervise: (t) => t.supervise(committee, { level: 'urge', note: 'hurry' }, NOW),
};

const expectedAfter: Record<TicketAction, (from: TicketStatus) => TicketStatus> = {
  queueTriage: () => 'triage',
  assign: () => 'assigned',
  withdraw: () => 'withdrawn',
  acknowledge: () => 'in_progress',
  requestTransfer: () => 'transfer_requested',
  approveTransfer: () => 'assigned',
  rejectTransfer: () => 'assigned', // the fixture's transfer_requested ticket was never acknowledged
  interimReply: (s) => s,
  requestExtension: (s) => s,
  decideExtension: (s) => s,
  reportPart: (s) => s,
  resolve: () => 'resolved',
  reply: (s) => s,
  giveFeedback: () => 'closed', // satisfied closes at once
  reopen: () => 'reopened',
  close: () => 'closed',
  closeWithoutFeedback: () => 'closed',
  supervise: (s) => s,
};

function domainError(fn: () => void): DomainError {
  try {
    fn();
  } catch (e) {
    if (e instanceof DomainError) return e;
    throw e;
  }
  throw new Error('expected a DomainError');
}

describe('Ticket state machine', () => {
  for (const action of TicketActions) {
    describe(action, () => {
      for (const status of TicketStatuses) {
        const legal = TRANSITIONS[action].from.includes(status);
        it(`${legal ? 'is allowed' : 'is refused'} from ${status}`, () => {
          const t = ready(action, status);
          if (legal) {
            perform[action](t);
            expect(t.status).toBe(expectedAfter[action](status));
            const changes = t.pullChanges();
            expect(changes.length).toBeGreaterThan(0);
            expect(changes[0].statusFrom).toBe(status);
            expect(changes.at(-1)!.version).toBe(5 + changes.length);
            expect(changes.at(-1)!.payload.status).toBe(t.status);
          } else {
            const e = domainError(() => perform[action](t));
            expect(e.code).toBe('illegalTransition');
            expect(e.details.currentStatus).toBe(status);
            expect(e.message).toContain(status);
            expect(t.status).toBe(status);
            expect(t.version).toBe(5);
            expect(t.pullChanges()).toEqual([]);
          }
        });
      }
    });
  }
});

describe('Ticket rules', () => {
  it('submits with version 1 and a ticket.submitted event carrying the whole submission', () => {
    const t = Ticket.submit({
      id: 't-9',
      number: 'CS-2026-000009',
      enterpriseId: 'ent-1',
      enterpriseName: 'ACME',
      gridId: 'grid-1',
      submittedBy: { id: 'u-ins', role: 'instructor' },
      title: 'Bus line',
      description: 'Please extend bus 5',
      category: 'transport',
      urgency: 'normal',
      location: null,
      contact: { name: '李四', phone: '0851-3312345' },
      attachments: [],
      at: NOW,
    });
    const [c] = t.pullChanges();
    expect(t.version).toBe(1);
    expect(c.eventType).toBe(TicketEvents.submitted);
    expect(c.payload).toMatchObject({
      ticketId: 't-9',
      status: 'submitted',
      enterpriseName: 'ACME',
      submittedBy: { id: 'u-ins', role: 'instructor' },
      leadDepartmentId: null,
    });
  });

  it('refuses a stale expected version, naming the current status and version', () => {
    const t = Ticket.rehydrate(props('assigned'));
    const e = domainError(() => t.assertVersion(4));
    expect(e.code).toBe('versionConflict');
    expect(e.details).toMatchObject({ currentStatus: 'assigned', currentVersion: 5 });
    expect(() => t.assertVersion(5)).not.toThrow();
  });

  describe('joint handling', () => {
    const joint = () =>
      Ticket.rehydrate(
        props('in_progress', {
          coHandlers: [
            { departmentId: CO, content: null, reportedAt: null, reportedBy: null },
            { departmentId: 'dep-co2', content: null, reportedAt: null, reportedBy: null },
          ],
        }),
      );

    it('the lead cannot resolve until every co-handler reported its part', () => {
      const t = joint();
      t.reportPart(department, CO, 'done', NOW);
      const e = domainError(() => t.resolve(department, { result: 'fixed', evidence: [] }, NOW));
      expect(e.code).toBe('illegalTransition');
      expect(e.message).toContain('dep-co2');
      t.reportPart(department, 'dep-co2', 'done too', NOW);
      t.resolve(department, { result: 'fixed', evidence: [] }, NOW);
      expect(t.status).toBe('resolved');
    });

    it('a department that is not a co-handler cannot report a part', () => {
      const e = domainError(() => joint().reportPart(department, 'dep-stranger', 'x', NOW));
      expect(e.code).toBe('illegalTransition');
    });

    it('the lead is never its own co-handler, and a kept co-handler keeps its report across a transfer', () => {
      const t = Ticket.rehydrate(props('submitted'));
      t.assign(
        system,
        {
          leadDepartmentId: LEAD,
          coHandlerDepartmentIds: [LEAD, CO, CO],
          via: 'rule',
          ruleId: null,
          explanation: '',
        },
        NOW,
      );
      expect(t.coHandlerDepartmentIds).toEqual([CO]);
      t.reportPart(department, CO, 'part', NOW);
      t.requestTransfer(department, 'not ours', NOW);
      t.decideTransfer(
        system,
        { approved: true, leadDepartmentId: 'dep-new', coHandlerDepartmentIds: [CO, LEAD], note: 'ok' },
        NOW,
      );
      const s = t.snapshot();
      expect(s.leadDepartmentId).toBe('dep-new');
      expect(s.firstHandlerDepartmentId).toBe(LEAD);
      expect(s.coHandlers.find((p) => p.departmentId === CO)?.content).toBe('part');
      expect(s.coHandlers.find((p) => p.departmentId === LEAD)?.reportedAt).toBeNull();
    });
  });

  describe('transfers', () => {
    it('an approved transfer assigns the new lead via transfer, naming the previous lead and the first handler', () => {
      const t = Ticket.rehydrate(props('transfer_requested'));
      t.decideTransfer(
        system,
        { approved: true, leadDepartmentId: 'dep-new', coHandlerDepartmentIds: [], note: 'ok' },
        NOW,
      );
      const [c] = t.pullChanges();
      expect(c.eventType).toBe(TicketEvents.assigned);
      expect(c.payload).toMatchObject({
        via: 'transfer',
        previousLeadDepartmentId: LEAD,
        firstHandlerDepartmentId: LEAD,
        leadDepartmentId: 'dep-new',
        status: 'assigned',
      });
    });

    it('a rejected transfer returns to in progress when the lead had acknowledged', () => {
      const t = Ticket.rehydrate(props('in_progress'));
      t.requestTransfer(department, 'not ours', NOW);
      t.decideTransfer(
        system,
        { approved: false, leadDepartmentId: null, coHandlerDepartmentIds: [], note: 'yours' },
        NOW,
      );
      expect(t.status).toBe('in_progress');
      expect(t.pullChanges().at(-1)!.eventType).toBe(TicketEvents.transferRejected);
    });

    it('an approved transfer without a new lead is refused', () => {
      const t = Ticket.rehydrate(props('transfer_requested'));
      expect(
        domainError(() =>
          t.decideTransfer(
            system,
            { approved: true, leadDepartmentId: null, coHandlerDepartmentIds: [], note: '' },
            NOW,
          ),
        ).code,
      ).toBe('validation');
    });

    it('a transfer request needs a reason', () => {
      expect(
        domainError(() => Ticket.rehydrate(props('in_progress')).requestTransfer(department, '  ', NOW)).code,
      ).toBe('validation');
    });
  });

  describe('extensions', () => {
    it('allows one pending request at a time and needs a future date', () => {
      const t = Ticket.rehydrate(props('in_progress'));
      expect(
        domainError(() => t.requestExtension(department, { reason: 'r', proposedDueAt: NOW }, NOW)).code,
      ).toBe('validation');
      t.requestExtension(department, { reason: 'r', proposedDueAt: LATER }, NOW);
      expect(
        domainError(() => t.requestExtension(department, { reason: 'again', proposedDueAt: LATER }, NOW))
          .code,
      ).toBe('illegalTransition');
      t.decideExtension(committee, { approved: false, note: 'no', newDueAt: null }, NOW);
      t.requestExtension(department, { reason: 'again', proposedDueAt: LATER }, NOW);
      expect(t.snapshot().pendingExtension?.reason).toBe('again');
    });

    it('an approval without a date grants the proposed date', () => {
      const t = Ticket.rehydrate(props('in_progress'));
      t.requestExtension(department, { reason: 'r', proposedDueAt: LATER }, NOW);
      t.decideExtension(committee, { approved: true, note: 'ok', newDueAt: null }, NOW);
      expect(t.pullChanges().at(-1)!.payload).toMatchObject({
        approved: true,
        newDueAt: LATER.toISOString(),
      });
    });

    it('an extension must end after the deadline in force, asked or granted', () => {
      const current = new Date('2026-03-10T09:30:00Z');
      const t = Ticket.rehydrate(props('in_progress'));
      const early = new Date('2026-03-09T09:00:00Z');
      const asked = domainError(() =>
        t.requestExtension(department, { reason: 'r', proposedDueAt: early, currentDueAt: current }, NOW),
      );
      expect([asked.code, asked.details]).toEqual([
        'validation',
        {
          errors: [
            { field: 'proposedDueAt', messages: [expect.stringContaining('2026-03-10T09:30:00.000Z')] },
          ],
        },
      ]);
      t.requestExtension(department, { reason: 'r', proposedDueAt: LATER, currentDueAt: current }, NOW);
      const granted = domainError(() =>
        t.decideExtension(
          committee,
          { approved: true, note: null, newDueAt: current, currentDueAt: current },
          NOW,
        ),
      );
      expect(granted.code).toBe('validation');
      expect(t.snapshot().pendingExtension).not.toBeNull();
      t.decideExtension(
        committee,
        { approved: false, note: 'no', newDueAt: early, currentDueAt: current },
        NOW,
      );
      expect(t.snapshot().pendingExtension).toBeNull();
    });

    it('cannot decide when nothing is pending', () => {
      expect(
        domainError(() =>
          Ticket.rehydrate(props('in_progress')).decideExtension(
            committee,
            { approved: true, note: null, newDueAt: null },
            NOW,
          ),
        ).code,
      ).toBe('illegalTransition');
    });
  });

  describe('feedback, reopen and close', () => {
    const resolved = () => Ticket.rehydrate(props('resolved', { repliedThisRound: true }));
    const unsatisfied = {
      contacted: true,
      solved: false,
      satisfaction: 'unsatisfied' as const,
      comment: 'still broken',
    };

    it('needs a reply from the lead before feedback', () => {
      const t = Ticket.rehydrate(props('resolved'));
      expect(domainError(() => t.giveFeedback(enterprise, unsatisfied, NOW)).message).toContain('replied');
    });

    it('basically satisfied closes with outcome feedback', () => {
      const t = resolved();
      t.giveFeedback(
        enterprise,
        { contacted: true, solved: true, satisfaction: 'basically_satisfied', comment: null },
        NOW,
      );
      const closed = t.pullChanges().at(-1)!;
      expect(closed.payload).toMatchObject({
        status: 'closed',
        outcome: 'feedback',
        satisfaction: 'basically_satisfied',
        solved: true,
      });
    });

    it('unsatisfied stays resolved, refuses a second feedback, and can be reopened up to the limit', () => {
      const t = resolved();
      t.giveFeedback(enterprise, unsatisfied, NOW);
      expect(t.status).toBe('resolved');
      expect(domainError(() => t.giveFeedback(enterprise, unsatisfied, NOW)).code).toBe('illegalTransition');
      t.reopen(enterprise, 'still broken', 2, NOW);
      expect(t.status).toBe('reopened');
      const events = t.pullChanges().map((c) => c.eventType);
      expect(events).toEqual([TicketEvents.feedbackGiven, TicketEvents.reopened, TicketEvents.assigned]);
    });

    it('refuses a reopen once the limit is reached', () => {
      const t = Ticket.rehydrate(
        props('resolved', {
          reopenCount: 2,
          repliedThisRound: true,
          feedback: { ...unsatisfied, givenAt: NOW },
        }),
      );
      const e = domainError(() => t.reopen(enterprise, 'again', 2, NOW));
      expect(e.code).toBe('illegalTransition');
      expect(e.message).toContain('limit (2)');
      t.close(enterprise, 'give up', NOW);
      expect(t.pullChanges().at(-1)!.payload).toMatchObject({
        outcome: 'feedback',
        satisfaction: 'unsatisfied',
      });
    });

    it('cannot reopen without unsatisfied feedback', () => {
      expect(domainError(() => resolved().reopen(enterprise, 'x', 2, NOW)).message).toContain('unsatisfied');
    });

    it('a reopened ticket must be acknowledged again, and a new round needs a new reply', () => {
      const t = resolved();
      t.giveFeedback(enterprise, unsatisfied, NOW);
      t.reopen(enterprise, 'still broken', 2, NOW);
      expect(domainError(() => t.resolve(department, { result: 'x', evidence: [] }, NOW)).code).toBe(
        'illegalTransition',
      );
      t.acknowledge(department, null, NOW);
      t.resolve(department, { result: 'really fixed', evidence: [] }, NOW);
      expect(domainError(() => t.giveFeedback(enterprise, unsatisfied, NOW)).message).toContain('replied');
      t.reply(department, 'fixed now', NOW);
      t.giveFeedback(
        enterprise,
        { contacted: true, solved: true, satisfaction: 'satisfied', comment: null },
        NOW,
      );
      expect(t.status).toBe('closed');
      expect(t.snapshot().reopenCount).toBe(1);
    });

    it('a lapsed feedback window closes as no feedback, never satisfied', () => {
      const t = resolved();
      t.closeWithoutFeedback(system, NOW);
      expect(t.pullChanges().at(-1)!.payload).toMatchObject({
        outcome: 'no_feedback',
        satisfaction: null,
        solved: null,
      });
    });
  });
});
