import { Clock, DomainError, SYSTEM_ACTOR } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDepartmentRepository } from '../../../departments/infrastructure/department.in-memory-repository';
import { InMemoryRoutingRuleRepository } from '../../../rules/infrastructure/routing-rule.in-memory-repository';
import { InMemoryRoutedTicketRepository } from '../../infrastructure/routed-ticket.in-memory-repository';
import { EventCause } from '@ticketing/messaging';
import { RouteTicketsCommand, TicketSubmission } from './route-tickets.command';
import { RouteTicketsHandler } from './route-tickets.handler';

const ENTERPRISE = { id: 'ent-user', role: 'enterprise' as const };
const at = new Date('2026-03-02T08:00:00Z');

describe('RouteTicketsHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let departments: InMemoryDepartmentRepository;
  let rules: InMemoryRoutingRuleRepository;
  let handler: RouteTicketsHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository();
    departments = new InMemoryDepartmentRepository().given('hrss', 'miit', 'urban');
    rules = new InMemoryRoutingRuleRepository().given(
      {
        id: 'water',
        version: 2,
        name: '停水停电 → 城管局',
        priority: 10,
        enabled: true,
        conditions: { keywords: ['停水', '水管'] },
        decision: { leadDepartmentId: 'urban', coHandlerDepartmentIds: [] },
        createdAt: at,
        updatedAt: at,
        updatedBy: 'system',
      },
      {
        id: 'labour',
        version: 1,
        name: '用工招聘 → 人社局',
        priority: 20,
        enabled: true,
        conditions: { categories: ['labour'] },
        decision: { leadDepartmentId: 'hrss', coHandlerDepartmentIds: ['miit'] },
        createdAt: at,
        updatedAt: at,
        updatedBy: 'system',
      },
    );
    handler = new RouteTicketsHandler(uow, tickets, rules, departments);
  });

  type SubmissionProps = Parameters<typeof TicketSubmission.of>[0];
  const submission = (over: Partial<SubmissionProps> = {}) =>
    TicketSubmission.of({
      ticketId: 't1',
      number: 'CS-2026-000001',
      enterpriseId: 'ent-1',
      enterpriseName: '某某机械',
      title: '招工难',
      description: '缺少焊工',
      category: 'labour',
      urgency: 'normal',
      gridId: 'g1',
      submittedAt: at,
      actor: ENTERPRISE,
      occurredAt: at,
      cause: EventCause.of({
        id: `submitted-${over.ticketId ?? 't1'}`,
        correlationId: `request-${over.ticketId ?? 't1'}`,
      }),
      ...over,
    });
  const command = (over: Partial<SubmissionProps> = {}) =>
    RouteTicketsCommand.create({ submissions: [submission(over)] });

  it('routes by the first matching rule: the record, its history and one dispatch.decided, in one unit of work', async () => {
    await handler.execute(command());
    expect(tickets.rows.get('t1')).toMatchObject({
      number: 'CS-2026-000001',
      enterpriseName: '某某机械',
      gridId: 'g1',
      status: 'decided',
      leadDepartmentId: 'hrss',
      firstHandlerDepartmentId: 'hrss',
      decidedVia: 'rule',
      eventsEmitted: 1,
    });
    expect(tickets.events).toEqual([
      {
        aggregateId: 't1',
        type: 'dispatch.decided',
        aggregateVersion: 1,
        actor: SYSTEM_ACTOR,
        payload: {
          ticketId: 't1',
          leadDepartmentId: 'hrss',
          coHandlerDepartmentIds: ['miit'],
          via: 'rule',
          ruleId: 'labour',
          ruleVersion: 1,
          explanation: '按分派规则「用工招聘 → 人社局」（第1版）分派：类别「用工招聘」符合',
        },
      },
    ]);
    expect(tickets.history.map((h) => h.kind)).toEqual(['submitted', 'routed-by-rule']);
    expect(uow.transactions).toBe(1);
  });

  it('tries the rules in order: a keyword rule first wins over the category', async () => {
    await handler.execute(command({ description: '厂区水管爆裂' }));
    expect(tickets.events[0].payload).toMatchObject({
      leadDepartmentId: 'urban',
      ruleId: 'water',
      ruleVersion: 2,
    });
  });

  it('queues for triage when the rule’s department is no longer active', async () => {
    await departments.upsert({ id: 'miit', code: 'miit', name: '工信局', nameEn: null, active: false }, at);
    await handler.execute(command());
    expect(tickets.rows.get('t1')?.status).toBe('triage');
    expect(tickets.events.map((e) => e.type)).toEqual(['dispatch.triage-needed']);
  });

  it('does not route a ticket twice when it is announced again under another event', async () => {
    await handler.execute(command());
    await handler.execute(command({ category: 'other' }));
    expect(tickets.events).toHaveLength(1);
    expect(tickets.history).toHaveLength(2);
  });

  it('routes a batch of tickets as one by one would, with one locking read, each decision caused by its own submission', async () => {
    const batch = [
      submission({ ticketId: 't1' }),
      submission({ ticketId: 't2', number: 'CS-2026-000002', description: '厂区水管爆裂' }),
      submission({ ticketId: 't3', number: 'CS-2026-000003', category: 'other' }),
    ];
    const decidedAt = new Date('2026-03-02T08:00:01Z');
    await Clock.at(decidedAt, () => handler.execute(RouteTicketsCommand.create({ submissions: batch })));
    expect(tickets.lockReads).toBe(1);
    expect(uow.transactions).toBe(1);

    const alone = new InMemoryRoutedTicketRepository();
    const oneByOne = new RouteTicketsHandler(new InlineUnitOfWork(), alone, rules, departments);
    for (const s of batch)
      await Clock.at(decidedAt, () => oneByOne.execute(RouteTicketsCommand.create({ submissions: [s] })));
    expect(alone.lockReads).toBe(3);
    expect([...tickets.rows.entries()]).toEqual([...alone.rows.entries()]);
    expect(tickets.history).toEqual(alone.history);
    expect(tickets.events).toEqual(alone.events);
    expect(tickets.events.map((e) => [e.aggregateId, e.type])).toEqual([
      ['t1', 'dispatch.decided'],
      ['t2', 'dispatch.decided'],
      ['t3', 'dispatch.triage-needed'],
    ]);
    expect(tickets.causes).toEqual([
      { correlationId: 'request-t1', causationId: 'submitted-t1' },
      { correlationId: 'request-t2', causationId: 'submitted-t2' },
      { correlationId: 'request-t3', causationId: 'submitted-t3' },
    ]);
  });

  it('routes only the new tickets of a batch that also re-announces a routed one', async () => {
    await handler.execute(command());
    await handler.execute(
      RouteTicketsCommand.create({
        submissions: [
          submission({ category: 'other' }),
          submission({ ticketId: 't2', number: 'CS-2026-000002' }),
        ],
      }),
    );
    expect(tickets.events.map((e) => [e.aggregateId, e.type])).toEqual([
      ['t1', 'dispatch.decided'],
      ['t2', 'dispatch.decided'],
    ]);
    expect(tickets.rows.get('t1')?.category).toBe('labour');
  });

  it('refuses a submission without a number or category before anything is written', () => {
    expect(() => command({ number: '' })).toThrow(DomainError);
    expect(() => command({ category: '' })).toThrow(/category/);
    expect(tickets.rows.size).toBe(0);
  });

  it('refuses a batch that is empty, names a ticket twice, or holds a bad submission (named by its index)', () => {
    expect(() => RouteTicketsCommand.create({ submissions: [] })).toThrow(/submissions/);
    expect(() =>
      RouteTicketsCommand.create({ submissions: [submission(), submission({ number: 'CS-2026-000009' })] }),
    ).toThrow(/routed once per command/);
    expect(() =>
      RouteTicketsCommand.create({ submissions: [submission(), submission({ ticketId: 't2', number: '' })] }),
    ).toThrow(/submissions\.1\.number/);
    expect(() =>
      RouteTicketsCommand.create({
        submissions: [
          { ...submission(), cause: { correlationId: '', causationId: 'x' } } as TicketSubmission,
        ],
      }),
    ).toThrow(/submissions/);
    expect(tickets.rows.size).toBe(0);
  });
});
