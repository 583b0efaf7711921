import { Actor, DomainError, TicketEvents, TicketStatus, TicketStatuses } from '@ticketing/contracts';
import { MainTicketView, Ticket, TicketProps } from './ticket.aggregate';
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
    channel: 'web',
    visitId: null,
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
    openInformationRequest: null,
    handler: null,
    lastReply: null,
    mergedInto: null,
    followsMain: false,
    duplicates: [],
    relatedTicketIds: [],
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
            via: 'enterprise',
          },
        }),
      );
    case 'provideInformation':
      return Ticket.rehydrate(props(status, { openInformationRequest: QUESTION }));
    case 'followMain':
      return Ticket.rehydrate(
        props(status, { mergedInto: { ticketId: MAIN.id, number: MAIN.number }, followsMain: true }),
      );
    default:
      return Ticket.rehydrate(props(status));
  }
}

const QUESTION = {
  id: 'req-1',
  departmentId: LEAD,
  question: 'Please send the lease contract',
  askedBy: department.id,
  askedAt: NOW,
};

/** A main ticket in progress at the lead, as a duplicate sees it when merging. */
const MAIN: MainTicketView = {
  id: 't-main',
  number: 'CS-2026-000100',
  status: 'in_progress',
  leadDepartmentId: LEAD,
  coHandlerDepartmentIds: [],
  mergedInto: null,
  resolution: null,
  repliedThisRound: false,
  lastReply: null,
};

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
  requestInformation: (t) =>
    t.requestInformation(department, { requestId: 'req-2', question: 'Lease?' }, NOW),
  provideInformation: (t) =>
    t.provideInformation(enterprise, { requestId: 'req-1', answer: 'Attached', attachments: [] }, NOW),
  postMessage: (t) =>
    t.postMessage(
      enterprise,
      { messageId: 'm-1', author: 'enterprise', departmentId: null, text: 'Any news?', attachments: [] },
      NOW,
    ),
  addNote: (t) =>
    t.addNote(
      department,
      { noteId: 'n-1', departmentId: LEAD, text: 'Call the utility', attachments: [] },
      NOW,
    ),
  assignHandler: (t) => t.assignHandler(department, { userId: 'u-staff', name: '王科员' }, NOW),
  merge: (t) => t.mergeInto(committee, MAIN, 'same burst main', NOW),
  attachDuplicate: (t) =>
    t.attachDuplicate(committee, { ticketId: 't-dup', number: 'CS-2026-000101', enterpriseId: 'ent-2' }, NOW),
  followMain: (t) =>
    t.followMain(department, MAIN, { kind: 'reply', departmentId: LEAD, message: 'fixed' }, NOW),
  link: (t) => t.link(committee, ['t-other'], 'one incident', NOW),
  recordCallback: (t) =>
    t.recordCallback(
      committee,
      { contacted: true, solved: true, satisfaction: 'satisfied', comment: null },
      true,
      NOW,
    ),
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
  requestInformation: (s) => s,
  provideInformation: (s) => s,
  postMessage: (s) => s,
  addNote: (s) => s,
  assignHandler: (s) => s,
  merge: () => 'in_progress', // the main ticket of the fixture is not resolved
  attachDuplicate: (s) => s,
  followMain: (s) => s,
  link: (s) => s,
  recordCallback: () => 'closed', // satisfied closes at once
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

  describe('channel (受理渠道)', () => {
    const input = {
      id: 't-10',
      number: 'CS-2026-000010',
      enterpriseId: 'ent-1',
      enterpriseName: 'ACME',
      gridId: 'grid-1',
      submittedBy: { id: 'u-ins', role: 'instructor' as const },
      title: '用工缺口',
      description: '走访时企业反映缺 20 名焊工',
      category: 'labour',
      urgency: 'normal' as const,
      location: null,
      contact: { name: '李四', phone: '0851-3312345' },
      attachments: [],
      at: NOW,
    };

    it('a whistle from the form is channel web, with no visit', () => {
      const t = Ticket.submit(input);
      expect(t.snapshot()).toMatchObject({ channel: 'web', visitId: null });
      expect(t.pullChanges()[0].payload).toMatchObject({ channel: 'web' });
    });

    it('a problem raised in a visit names the visit and the problem, in the state and in ticket.submitted', () => {
      const t = Ticket.submit({ ...input, visit: { id: 'v-1', problemIndex: 2 } });
      expect(t.snapshot()).toMatchObject({ channel: 'visit', visitId: 'v-1' });
      expect(t.pullChanges()[0].payload).toMatchObject({
        channel: 'visit',
        visitId: 'v-1',
        visitProblemIndex: 2,
      });
    });

    it('refuses channel visit without a visit, and a visit on another channel', () => {
      expect(domainError(() => Ticket.submit({ ...input, channel: 'visit' })).code).toBe('validation');
      expect(
        domainError(() =>
          Ticket.submit({ ...input, channel: 'phone', visit: { id: 'v-1', problemIndex: 0 } }),
        ).code,
      ).toBe('validation');
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
          feedback: { ...unsatisfied, givenAt: NOW, via: 'enterprise' },
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

    it('a lapsed callback window closes as no feedback, never satisfied, with a code and no sentence', () => {
      const t = resolved();
      t.closeWithoutFeedback(system, NOW);
      const closed = t.pullChanges().at(-1)!;
      expect(closed.payload).toMatchObject({ outcome: 'no_feedback', satisfaction: null, solved: null });
      expect(closed).toMatchObject({
        reason: null,
        reasonCode: 'closed.callbackLapsed',
        reasonParams: { outcome: 'no_feedback' },
      });
    });

    it('a satisfied rating closes with the code closed.satisfied, naming who rated', () => {
      const t = resolved();
      t.giveFeedback(
        enterprise,
        { contacted: true, solved: true, satisfaction: 'satisfied', comment: 'ok' },
        NOW,
      );
      const [rated, closed] = t.pullChanges();
      expect(rated).toMatchObject({ reason: 'ok', reasonCode: null, payload: { via: 'enterprise' } });
      expect(closed).toMatchObject({
        reason: null,
        reasonCode: 'closed.satisfied',
        reasonParams: { satisfaction: 'satisfied', via: 'enterprise' },
      });
    });
  });

  describe('callback (回访)', () => {
    const answers = {
      contacted: true,
      solved: true,
      satisfaction: 'satisfied' as const,
      comment: '电话回访',
    };

    it('waits until the enterprise’s feedback window lapsed', () => {
      const t = Ticket.rehydrate(props('resolved', { repliedThisRound: true }));
      const e = domainError(() => t.recordCallback(committee, answers, false, NOW));
      expect([e.code, e.message]).toEqual(['illegalTransition', expect.stringContaining('not lapsed')]);
      expect(t.version).toBe(5);
    });

    it('records the answers as feedback via callback, with the same consequences (satisfied closes)', () => {
      const t = Ticket.rehydrate(props('resolved'));
      t.recordCallback(committee, answers, true, NOW);
      const [rated, closed] = t.pullChanges();
      expect(rated.payload).toMatchObject({ via: 'callback', satisfaction: 'satisfied', contacted: true });
      expect(closed).toMatchObject({ reasonCode: 'closed.satisfied', reasonParams: { via: 'callback' } });
      expect(t.snapshot().feedback).toMatchObject({ via: 'callback' });
      expect(t.status).toBe('closed');
    });

    it('an unsatisfied callback lets the enterprise reopen; a second rating is refused', () => {
      const t = Ticket.rehydrate(props('resolved'));
      t.recordCallback(committee, { ...answers, solved: false, satisfaction: 'unsatisfied' }, true, NOW);
      expect(t.status).toBe('resolved');
      expect(domainError(() => t.recordCallback(committee, answers, true, NOW)).message).toContain('already');
      expect(domainError(() => t.giveFeedback(enterprise, answers, NOW)).message).toContain('already');
      t.reopen(enterprise, '还是不行', 2, NOW);
      expect(t.status).toBe('reopened');
    });
  });

  describe('phone and other channels', () => {
    const input = {
      id: 't-11',
      number: 'CS-2026-000011',
      enterpriseId: 'ent-1',
      enterpriseName: 'ACME',
      gridId: 'grid-1',
      submittedBy: { id: 'u-com', role: 'committee' as const },
      title: '热线来电',
      description: '企业来电反映道路积水',
      category: 'transport',
      urgency: 'normal' as const,
      location: null,
      contact: { name: '王五', phone: '13900139000' },
      attachments: [],
      at: NOW,
    };

    it('committee staff log a call on the enterprise’s behalf: the channel and who logged it travel with the ticket', () => {
      const t = Ticket.submit({ ...input, channel: 'phone' });
      expect(t.pullChanges()[0].payload).toMatchObject({
        channel: 'phone',
        submittedBy: { id: 'u-com', role: 'committee' },
        enterpriseId: 'ent-1',
      });
    });

    it('staff channels are the committee’s, and the committee names one', () => {
      expect(domainError(() => Ticket.submit(input)).details).toEqual({
        errors: [{ field: 'channel', messages: [expect.stringContaining('phone')] }],
      });
      expect(
        domainError(() =>
          Ticket.submit({ ...input, submittedBy: { id: 'u-ent', role: 'enterprise' }, channel: 'letter' }),
        ).code,
      ).toBe('validation');
    });
  });

  describe('asking the enterprise (补充材料)', () => {
    const asked = () => {
      const t = Ticket.rehydrate(props('in_progress'));
      t.requestInformation(department, { requestId: 'req-1', question: '  请提供租赁合同  ' }, NOW);
      return t;
    };

    it('records the question for the lead department and keeps it open', () => {
      const t = asked();
      expect(t.pullChanges()[0]).toMatchObject({
        eventType: TicketEvents.informationRequested,
        reason: '请提供租赁合同',
        payload: {
          requestId: 'req-1',
          departmentId: LEAD,
          question: '请提供租赁合同',
          status: 'in_progress',
        },
      });
      expect(t.snapshot().openInformationRequest).toMatchObject({ id: 'req-1', departmentId: LEAD });
    });

    it('one question at a time: a second waits until the first is answered (409 naming it)', () => {
      const t = asked();
      const e = domainError(() =>
        t.requestInformation(department, { requestId: 'req-2', question: 'more?' }, NOW),
      );
      expect(e.code).toBe('illegalTransition');
      expect(e.message).toContain('req-1');
      t.provideInformation(enterprise, { requestId: 'req-1', answer: '已上传', attachments: [] }, NOW);
      t.requestInformation(department, { requestId: 'req-2', question: 'more?' }, NOW);
      expect(t.snapshot().openInformationRequest?.id).toBe('req-2');
    });

    it('the answer names the open question, and carries text and files', () => {
      const t = asked();
      t.pullChanges();
      const file = {
        id: 'f-1',
        fileName: '合同.docx',
        contentType: 'application/msword',
        size: 10,
        sha256: 'a',
      };
      expect(
        domainError(() =>
          t.provideInformation(enterprise, { requestId: 'req-x', answer: 'a', attachments: [] }, NOW),
        ).details,
      ).toEqual({ errors: [{ field: 'requestId', messages: [expect.stringContaining('req-1')] }] });
      expect(
        domainError(() =>
          t.provideInformation(enterprise, { requestId: 'req-1', answer: ' ', attachments: [] }, NOW),
        ).code,
      ).toBe('validation');
      t.provideInformation(enterprise, { requestId: 'req-1', answer: '见附件', attachments: [file] }, NOW);
      expect(t.pullChanges()[0].payload).toMatchObject({
        requestId: 'req-1',
        answer: '见附件',
        attachments: [file],
      });
      expect(t.snapshot().openInformationRequest).toBeNull();
      expect(
        domainError(() =>
          t.provideInformation(enterprise, { requestId: 'req-1', answer: 'a', attachments: [] }, NOW),
        ).message,
      ).toContain('no question');
    });

    it('stays open across a transfer, and ends with the resolution', () => {
      const t = asked();
      t.requestTransfer(department, 'not ours', NOW);
      t.decideTransfer(
        system,
        { approved: true, leadDepartmentId: 'dep-new', coHandlerDepartmentIds: [], note: 'ok' },
        NOW,
      );
      expect(t.snapshot().openInformationRequest?.id).toBe('req-1');
      t.acknowledge(department, null, NOW);
      t.resolve(department, { result: 'done', evidence: [] }, NOW);
      expect(t.snapshot().openInformationRequest).toBeNull();
    });
  });

  describe('messages, notes and handlers', () => {
    it('a message says who wrote it; a note keeps its files; both need text', () => {
      const t = Ticket.rehydrate(props('assigned'));
      t.postMessage(
        department,
        { messageId: 'm-1', author: 'department', departmentId: LEAD, text: ' 已收到 ', attachments: [] },
        NOW,
      );
      const file = { id: 'f-2', fileName: '内部.pdf', contentType: 'application/pdf', size: 1, sha256: 'b' };
      t.addNote(committee, { noteId: 'n-1', departmentId: null, text: '领导关注', attachments: [file] }, NOW);
      const [message, note] = t.pullChanges();
      expect(message.payload).toMatchObject({ author: 'department', departmentId: LEAD, text: '已收到' });
      expect(note).toMatchObject({
        eventType: TicketEvents.noteAdded,
        payload: { text: '领导关注', attachments: [file] },
      });
      expect(
        domainError(() =>
          t.postMessage(
            enterprise,
            { messageId: 'm-2', author: 'enterprise', departmentId: null, text: '', attachments: [] },
            NOW,
          ),
        ).details,
      ).toEqual({ errors: [{ field: 'text', messages: ['text is required'] }] });
    });

    it('notes stay possible after the ticket ended', () => {
      const t = Ticket.rehydrate(props('closed'));
      t.addNote(committee, { noteId: 'n-1', departmentId: null, text: '复盘', attachments: [] }, NOW);
      expect(t.status).toBe('closed');
    });

    it('the lead names a handler; naming the same one again changes nothing; a transfer clears it', () => {
      const t = Ticket.rehydrate(props('in_progress'));
      t.assignHandler(department, { userId: 'u-staff', name: '王科员' }, NOW);
      expect(t.pullChanges()[0].payload).toMatchObject({
        departmentId: LEAD,
        handlerUserId: 'u-staff',
        handlerName: '王科员',
      });
      expect(
        domainError(() => t.assignHandler(department, { userId: 'u-staff', name: '王科员' }, NOW)).code,
      ).toBe('conflict');
      t.requestTransfer(department, 'not ours', NOW);
      t.decideTransfer(
        system,
        { approved: true, leadDepartmentId: 'dep-new', coHandlerDepartmentIds: [], note: 'ok' },
        NOW,
      );
      expect(t.snapshot().handler).toBeNull();
    });
  });

  describe('duplicates and links', () => {
    const duplicate = (status: TicketStatus = 'assigned') =>
      Ticket.rehydrate(props(status, { id: 't-dup', enterpriseId: 'ent-2', leadDepartmentId: 'dep-other' }));
    const reply = { kind: 'reply' as const, departmentId: LEAD, message: '已抢修' };
    const resolution = { kind: 'resolve' as const, departmentId: LEAD, result: '已恢复供水', evidence: [] };

    it('a merged duplicate follows the main ticket: its lead, in progress, its own clocks stopped by ticket.merged', () => {
      const t = duplicate();
      t.mergeInto(committee, MAIN, '同一爆管', NOW);
      const [merged] = t.pullChanges();
      expect(merged).toMatchObject({
        eventType: TicketEvents.merged,
        statusFrom: 'assigned',
        reason: '同一爆管',
        payload: {
          status: 'in_progress',
          mainTicketId: MAIN.id,
          mainTicketNumber: MAIN.number,
          leadDepartmentId: LEAD,
          followsTicketId: MAIN.id,
        },
      });
      expect(t.snapshot()).toMatchObject({ followsMain: true, mergedInto: { ticketId: MAIN.id } });
    });

    it('receives the main ticket’s interim replies, replies and resolution as its own, then its enterprise rates it', () => {
      const t = duplicate();
      t.mergeInto(committee, MAIN, '同一爆管', NOW);
      t.pullChanges();
      t.followMain(department, MAIN, { kind: 'interimReply', departmentId: LEAD, message: '抢修中' }, NOW);
      t.followMain(department, MAIN, resolution, NOW);
      expect(t.receives(MAIN.id, { kind: 'interimReply', departmentId: LEAD, message: 'x' })).toBe(false);
      t.followMain(department, MAIN, reply, NOW);
      const changes = t.pullChanges();
      expect(changes.map((c) => [c.eventType, c.action, c.reasonCode])).toEqual([
        [TicketEvents.interimReplied, 'followMain', 'followed.main'],
        [TicketEvents.resolved, 'followMain', 'followed.main'],
        [TicketEvents.replied, 'followMain', 'followed.main'],
      ]);
      expect(changes[1].payload).toMatchObject({
        status: 'resolved',
        departmentId: LEAD,
        result: '已恢复供水',
      });
      expect(changes[0].reasonParams).toEqual({ mainTicketId: MAIN.id, mainTicketNumber: MAIN.number });
      t.giveFeedback(
        enterprise,
        { contacted: true, solved: true, satisfaction: 'satisfied', comment: null },
        NOW,
      );
      expect(t.status).toBe('closed');
      expect(t.receives(MAIN.id, reply)).toBe(false);
      expect(domainError(() => t.followMain(department, MAIN, reply, NOW)).code).toBe('illegalTransition');
    });

    it('merging into a main ticket already answered brings the answer at once', () => {
      const t = duplicate('in_progress');
      const answered: MainTicketView = {
        ...MAIN,
        status: 'resolved',
        resolution: { departmentId: LEAD, result: '已恢复供水', evidence: [], resolvedAt: NOW },
        repliedThisRound: true,
        lastReply: { departmentId: LEAD, message: '已恢复', at: NOW },
      };
      t.mergeInto(committee, answered, '同一爆管', NOW);
      expect(t.pullChanges().map((c) => [c.eventType, c.payload.status])).toEqual([
        [TicketEvents.merged, 'in_progress'],
        [TicketEvents.resolved, 'resolved'],
        [TicketEvents.replied, 'resolved'],
      ]);
      expect(t.snapshot().repliedThisRound).toBe(true);
    });

    it('nothing is done to a duplicate directly while it follows; its enterprise may reopen it on its own', () => {
      const t = duplicate('in_progress');
      t.mergeInto(committee, MAIN, '同一爆管', NOW);
      for (const act of [
        () => t.reply(department, 'x', NOW),
        () => t.interimReply(department, 'x', NOW),
        () => t.requestTransfer(department, 'x', NOW),
        () => t.requestInformation(department, { requestId: 'r', question: 'q' }, NOW),
        () => t.supervise(committee, { level: 'urge', note: 'n' }, NOW),
        () => t.assignHandler(department, { userId: 'u', name: 'n' }, NOW),
      ]) {
        const e = domainError(act);
        expect([e.code, e.message]).toEqual(['illegalTransition', expect.stringContaining(MAIN.number)]);
      }
      t.followMain(department, MAIN, resolution, NOW);
      t.followMain(department, MAIN, reply, NOW);
      t.giveFeedback(
        enterprise,
        { contacted: true, solved: false, satisfaction: 'unsatisfied', comment: null },
        NOW,
      );
      t.pullChanges();
      t.reopen(enterprise, '仍然停水', 2, NOW);
      const [reopened, assigned] = t.pullChanges();
      expect(reopened).toMatchObject({ reason: '仍然停水', reasonCode: 'reopened.leftMain' });
      expect(reopened.payload.followsTicketId).toBeUndefined();
      expect(assigned.payload).toMatchObject({ via: 'reopen', leadDepartmentId: LEAD });
      expect(t.receives(MAIN.id, reply)).toBe(false);
      t.acknowledge(department, null, NOW);
      t.reply(department, '再次处理', NOW);
    });

    it('refuses merging into itself, twice, into a duplicate, or into a ticket not routed', () => {
      expect(
        domainError(() => duplicate().mergeInto(committee, { ...MAIN, id: 't-dup' }, 'x', NOW)).code,
      ).toBe('validation');
      const twice = duplicate();
      twice.mergeInto(committee, MAIN, 'x', NOW);
      expect(domainError(() => twice.mergeInto(committee, { ...MAIN, id: 't-3' }, 'x', NOW)).code).toBe(
        'illegalTransition',
      );
      const intoDuplicate = { ...MAIN, mergedInto: { ticketId: 't-9', number: 'CS-2026-000009' } };
      expect(domainError(() => duplicate().mergeInto(committee, intoDuplicate, 'x', NOW)).message).toContain(
        'CS-2026-000009',
      );
      for (const status of ['triage', 'closed'] as const) {
        const e = domainError(() =>
          duplicate().mergeInto(
            committee,
            { ...MAIN, status, leadDepartmentId: status === 'triage' ? null : LEAD },
            'x',
            NOW,
          ),
        );
        expect(e.details).toEqual({
          errors: [{ field: 'mainTicketId', messages: [expect.stringContaining(status)] }],
        });
      }
      const main = Ticket.rehydrate(
        props('in_progress', { duplicates: [{ ticketId: 'd', number: 'n', enterpriseId: 'e' }] }),
      );
      expect(domainError(() => main.mergeInto(committee, { ...MAIN, id: 't-4' }, 'x', NOW)).code).toBe(
        'illegalTransition',
      );
      expect(domainError(() => duplicate().mergeInto(committee, MAIN, '  ', NOW)).code).toBe('validation');
    });

    it('the main ticket lists its duplicates, hands its answers to them, and cannot be withdrawn while they follow', () => {
      const main = Ticket.rehydrate(props('assigned'));
      main.attachDuplicate(
        committee,
        { ticketId: 't-dup', number: 'CS-2026-000101', enterpriseId: 'ent-2' },
        NOW,
      );
      expect(main.pullChanges()[0].payload).toMatchObject({
        duplicateTicketId: 't-dup',
        duplicateTicketNumber: 'CS-2026-000101',
        duplicateEnterpriseId: 'ent-2',
      });
      expect(domainError(() => main.withdraw(enterprise, 'x', NOW)).code).toBe('illegalTransition');
      main.acknowledge(department, null, NOW);
      main.interimReply(department, '抢修中', NOW);
      main.resolve(department, { result: '已修复', evidence: [] }, NOW);
      main.reply(department, '已恢复供水', NOW);
      expect(main.answersForDuplicates()).toEqual([
        { kind: 'interimReply', departmentId: LEAD, message: '抢修中' },
        { kind: 'resolve', departmentId: LEAD, result: '已修复', evidence: [] },
        { kind: 'reply', departmentId: LEAD, message: '已恢复供水' },
      ]);
    });

    it('links related tickets once each; linking nothing new is a conflict', () => {
      const t = Ticket.rehydrate(props('in_progress'));
      t.link(committee, ['t-2', 't-3', 't-2', 't-1'], '同一事件', NOW);
      expect(t.pullChanges()[0].payload).toMatchObject({
        relatedTicketIds: ['t-2', 't-3'],
        reason: '同一事件',
      });
      t.link(committee, ['t-3', 't-4'], '同一事件', NOW);
      expect(t.relatedTicketIds).toEqual(['t-2', 't-3', 't-4']);
      expect(domainError(() => t.link(committee, ['t-2'], 'again', NOW)).code).toBe('conflict');
    });
  });
});
