import { Actor, DomainError, SYSTEM_ACTOR } from '@ticketing/contracts';
import { RuleSnapshot } from '../../rules/domain/routing-rule';
import { checkManualDecision, RoutedTicket, TicketFacts } from './routed-ticket.aggregate';

const ENTERPRISE: Actor = { id: 'ent-user', role: 'enterprise' };
const COMMITTEE: Actor = { id: 'desk', role: 'committee' };
const DEPT: Actor = { id: 'dept-user', role: 'department' };
const at = new Date('2026-03-02T08:00:00Z');
const now = new Date('2026-03-02T08:00:01Z');

const facts = (over: Partial<TicketFacts> = {}): TicketFacts => ({
  number: 'CS-2026-000001',
  enterpriseId: 'ent-1',
  enterpriseName: '某某机械',
  title: '招工难',
  description: '缺少焊工',
  category: 'labour',
  urgency: 'normal',
  gridId: null,
  submittedAt: at,
  ...over,
});

const labourRule: RuleSnapshot = {
  id: 'rule-labour',
  version: 3,
  name: '用工招聘 → 人社局',
  priority: 10,
  enabled: true,
  conditions: { categories: ['labour'] },
  decision: { leadDepartmentId: 'hrss', coHandlerDepartmentIds: ['miit'] },
};
const everyoneActive = () => true;

function submitted(over: Partial<TicketFacts> = {}): RoutedTicket {
  const t = RoutedTicket.unknown('t1');
  t.submit(facts(over), { actor: ENTERPRISE, occurredAt: at }, now);
  return t;
}

function routed(): RoutedTicket {
  const t = submitted();
  t.routeBy([labourRule], everyoneActive, now);
  t.pullChanges();
  return t;
}

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('RoutedTicket', () => {
  it('routes a submitted ticket by the first matching rule and announces it once, numbered 1', () => {
    const t = submitted();
    t.routeBy([labourRule], everyoneActive, now);
    expect(t.state).toMatchObject({
      status: 'decided',
      leadDepartmentId: 'hrss',
      coHandlerDepartmentIds: ['miit'],
      firstHandlerDepartmentId: 'hrss',
      decidedVia: 'rule',
      ruleId: 'rule-labour',
      ruleVersion: 3,
      decidedBy: 'system',
      decidedAt: now,
    });
    const changes = t.pullChanges();
    expect(changes.row).toBe('insert');
    expect(changes.events).toEqual([
      {
        type: 'dispatch.decided',
        aggregateVersion: 1,
        actor: SYSTEM_ACTOR,
        payload: {
          ticketId: 't1',
          leadDepartmentId: 'hrss',
          coHandlerDepartmentIds: ['miit'],
          via: 'rule',
          ruleId: 'rule-labour',
          ruleVersion: 3,
          explanation: '按分派规则「用工招聘 → 人社局」（第3版）分派：类别「用工招聘」符合',
        },
      },
    ]);
    expect(changes.history.map((h) => [h.kind, h.actor.id, h.departmentId])).toEqual([
      ['submitted', 'ent-user', null],
      ['routed-by-rule', 'system', 'hrss'],
    ]);
    expect(changes.history[0].details).toEqual({
      number: 'CS-2026-000001',
      category: 'labour',
      title: '招工难',
    });
    expect(t.pullChanges()).toEqual({ row: null, history: [], counted: [], events: [] });
  });

  it('sends a ticket no rule matches to triage, saying why', () => {
    const t = submitted({ category: 'other' });
    t.routeBy([labourRule], everyoneActive, now);
    expect(t.state).toMatchObject({ status: 'triage', leadDepartmentId: null });
    const { events, history } = t.pullChanges();
    const explanation = '没有适用「其他」的规则，转综合党委人工分派';
    expect(events).toEqual([
      {
        type: 'dispatch.triage-needed',
        aggregateVersion: 1,
        actor: SYSTEM_ACTOR,
        payload: { ticketId: 't1', explanation },
      },
    ]);
    expect(history[1]).toEqual({
      kind: 'triage-queued',
      at: now,
      actor: SYSTEM_ACTOR,
      departmentId: null,
      details: { explanation },
    });
  });

  it('sends a ticket to triage when the matching rule names a department no longer active', () => {
    const t = submitted();
    t.routeBy([labourRule], (id) => id !== 'miit', now);
    expect(t.state.status).toBe('triage');
    expect(t.state.explanation).toBe(
      '按分派规则「用工招聘 → 人社局」（第3版）分派：类别「用工招聘」符合；但规则指定的部门已停用，转综合党委人工分派',
    );
  });

  it('lets a person route a triaged ticket once, numbering the decision after the triage event', () => {
    const t = submitted({ category: 'other' });
    t.routeBy([], everyoneActive, now);
    t.pullChanges();
    t.assignFromTriage(
      { decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] }, note: '税务事项' },
      COMMITTEE,
      now,
    );
    expect(t.state).toMatchObject({
      status: 'decided',
      decidedVia: 'manual',
      firstHandlerDepartmentId: 'tax',
      decidedBy: 'desk',
    });
    const { row, events, history } = t.pullChanges();
    expect(row).toBe('update');
    expect(events).toEqual([
      expect.objectContaining({
        type: 'dispatch.decided',
        aggregateVersion: 2,
        actor: COMMITTEE,
        payload: expect.objectContaining({
          via: 'manual',
          ruleId: null,
          ruleVersion: null,
          explanation: '税务事项',
        }),
      }),
    ]);
    expect(history.map((h) => h.kind)).toEqual(['assigned-manually']);

    const again = failure(() =>
      t.assignFromTriage(
        { decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] }, note: 'n' },
        COMMITTEE,
        now,
      ),
    );
    expect(again.code).toBe('conflict');
    expect(again.message).toBe('ticket CS-2026-000001 is not waiting in triage: it is decided (manually)');
    expect(again.details).toEqual({ state: 'decided' });
  });

  it('answers an assignment of a ticket it does not know with 404', () => {
    const e = failure(() =>
      RoutedTicket.unknown('ghost').assignFromTriage(
        { decision: { leadDepartmentId: 'tax', coHandlerDepartmentIds: [] }, note: 'n' },
        COMMITTEE,
        now,
      ),
    );
    expect(e.code).toBe('notFound');
    expect(e.message).toBe('ticket ghost is not known to the dispatch desk');
  });

  it('checks a manual decision before any ticket is looked at, naming every field', () => {
    const e = failure(() =>
      checkManualDecision(
        { leadDepartmentId: 'ghost', coHandlerDepartmentIds: ['ghost'] },
        '  ',
        (id) => id === 'tax',
      ),
    );
    expect(e.code).toBe('validation');
    expect((e.details.errors as { field: string }[]).map((x) => x.field)).toEqual([
      'leadDepartmentId',
      'coHandlerDepartmentIds',
      'note',
    ]);
    expect(
      checkManualDecision({ leadDepartmentId: 'tax', coHandlerDepartmentIds: [] }, ' 因为 ', () => true).note,
    ).toBe('因为');
  });

  it('follows the ticket service on who leads, keeps the first handler, and counts the assignment', () => {
    const t = routed();
    const source = { eventId: 'e1', actor: SYSTEM_ACTOR, occurredAt: at };
    t.followAssignment(
      {
        leadDepartmentId: 'treasury',
        coHandlerDepartmentIds: [],
        firstHandlerDepartmentId: 'treasury',
        via: 'transfer',
        previousLeadDepartmentId: 'hrss',
      },
      source,
      now,
    );
    expect(t.state).toMatchObject({
      leadDepartmentId: 'treasury',
      firstHandlerDepartmentId: 'hrss',
      updatedAt: now,
    });
    const { row, counted, history, events } = t.pullChanges();
    expect(row).toBe('update');
    expect(events).toEqual([]);
    expect(counted).toEqual([{ departmentId: 'treasury', kind: 'assigned', occurredAt: at, sourceId: 'e1' }]);
    expect(history[0]).toMatchObject({
      kind: 'assigned',
      departmentId: 'treasury',
      details: { via: 'transfer', previousLeadDepartmentId: 'hrss' },
    });
  });

  it('still logs and counts events of a ticket it has no record of, without making one', () => {
    const t = RoutedTicket.unknown('old');
    t.followAssignment(
      {
        leadDepartmentId: 'hrss',
        coHandlerDepartmentIds: [],
        firstHandlerDepartmentId: 'hrss',
        via: 'rule',
        previousLeadDepartmentId: null,
      },
      { eventId: 'e2', actor: SYSTEM_ACTOR, occurredAt: at },
      now,
    );
    t.reopen(
      { leadDepartmentId: null, reason: 'r', reopenCount: 1 },
      { eventId: 'e3', actor: ENTERPRISE, occurredAt: at },
    );
    const { row, counted, history } = t.pullChanges();
    expect(row).toBeNull();
    expect(t.isKnown).toBe(false);
    expect(counted.map((c) => c.kind)).toEqual(['assigned']);
    expect(history.map((h) => [h.kind, h.departmentId])).toEqual([
      ['assigned', 'hrss'],
      ['reopened', null],
    ]);
  });

  it('counts a reopen against the lead it has on record when the event names none', () => {
    const t = routed();
    t.reopen(
      { leadDepartmentId: null, reason: '未解决', reopenCount: 2 },
      { eventId: 'e4', actor: ENTERPRISE, occurredAt: at },
    );
    const { row, counted, history } = t.pullChanges();
    expect(row).toBeNull();
    expect(counted).toEqual([{ departmentId: 'hrss', kind: 'reopened', occurredAt: at, sourceId: 'e4' }]);
    expect(history[0].details).toEqual({ reason: '未解决', reopenCount: 2 });
  });

  it('learns a ticket from a transfer request, taking the asking department as first handler', () => {
    const t = RoutedTicket.unknown('t9');
    t.learnFromTransferRequest(
      {
        number: 'CS-9',
        enterpriseId: 'ent-9',
        category: 'tax',
        urgency: 'urgent',
        gridId: 'g1',
        leadDepartmentId: null,
        coHandlerDepartmentIds: ['miit'],
      },
      'tax',
      at,
    );
    t.recordTransferRequest(
      { id: 'tr1', fromDepartmentId: 'tax', reason: '非本局' },
      { eventId: 'e5', actor: DEPT, occurredAt: at },
    );
    expect(t.state).toMatchObject({
      status: 'decided',
      leadDepartmentId: 'tax',
      firstHandlerDepartmentId: 'tax',
      decidedVia: null,
      eventsEmitted: 0,
    });
    const { row, counted, history } = t.pullChanges();
    expect(row).toBe('insert');
    expect(counted).toEqual([
      { departmentId: 'tax', kind: 'transfer_requested', occurredAt: at, sourceId: 'e5' },
    ]);
    expect(history).toEqual([
      {
        kind: 'transfer-requested',
        at,
        actor: DEPT,
        departmentId: 'tax',
        details: { transferRequestId: 'tr1', reason: '非本局' },
      },
    ]);
  });

  it('moves the lead on an approved transfer, keeps it on a rejected one, and announces both', () => {
    const approved = routed();
    approved.applyTransferDecision(
      { id: 'tr1', fromDepartmentId: 'hrss' },
      {
        status: 'approved',
        leadDepartmentId: 'treasury',
        coHandlerDepartmentIds: ['miit'],
        note: '财政牵头',
      },
      COMMITTEE,
      now,
    );
    expect(approved.state).toMatchObject({ leadDepartmentId: 'treasury', firstHandlerDepartmentId: 'hrss' });
    const a = approved.pullChanges();
    expect(a.events).toEqual([
      {
        type: 'dispatch.transfer-decided',
        aggregateVersion: 2,
        actor: COMMITTEE,
        payload: {
          ticketId: 't1',
          approved: true,
          fromDepartmentId: 'hrss',
          leadDepartmentId: 'treasury',
          coHandlerDepartmentIds: ['miit'],
          note: '财政牵头',
        },
      },
    ]);
    expect(a.counted).toEqual([
      { departmentId: 'hrss', kind: 'transfer_approved', occurredAt: now, sourceId: 'tr1' },
    ]);
    expect(a.history[0].kind).toBe('transfer-approved');

    const rejected = routed();
    rejected.applyTransferDecision(
      { id: 'tr2', fromDepartmentId: 'hrss' },
      { status: 'rejected', leadDepartmentId: null, coHandlerDepartmentIds: [], note: '首办负责' },
      COMMITTEE,
      now,
    );
    expect(rejected.state.leadDepartmentId).toBe('hrss');
    const r = rejected.pullChanges();
    expect(r.events[0].payload).toMatchObject({ approved: false, leadDepartmentId: null });
    expect(r.counted[0].kind).toBe('transfer_rejected');
  });

  it('ends a ticket, logging its cancelled transfer requests before the end', () => {
    const t = routed();
    t.end(
      'withdrawn',
      [{ id: 'tr1', fromDepartmentId: 'hrss', note: 'the ticket was withdrawn' }],
      { actor: ENTERPRISE, occurredAt: at },
      now,
    );
    expect(t.state.status).toBe('withdrawn');
    const { row, history, events } = t.pullChanges();
    expect(row).toBe('update');
    expect(events).toEqual([]);
    expect(history).toEqual([
      {
        kind: 'transfer-cancelled',
        at: now,
        actor: SYSTEM_ACTOR,
        departmentId: 'hrss',
        details: { transferRequestId: 'tr1', note: 'the ticket was withdrawn' },
      },
      { kind: 'withdrawn', at, actor: ENTERPRISE, departmentId: null, details: {} },
    ]);
  });
});
