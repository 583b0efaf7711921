import { DomainError, SYSTEM_ACTOR } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDepartmentRepository } from '../../../departments/infrastructure/department.in-memory-repository';
import { InMemoryRoutingRuleRepository } from '../../../rules/infrastructure/routing-rule.in-memory-repository';
import { InMemoryRoutedTicketRepository } from '../../infrastructure/routed-ticket.in-memory-repository';
import { RouteTicketCommand } from './route-ticket.command';
import { RouteTicketHandler } from './route-ticket.handler';

const ENTERPRISE = { id: 'ent-user', role: 'enterprise' as const };
const at = new Date('2026-03-02T08:00:00Z');

describe('RouteTicketHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let departments: InMemoryDepartmentRepository;
  let handler: RouteTicketHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository();
    departments = new InMemoryDepartmentRepository().given('hrss', 'miit', 'urban');
    const rules = new InMemoryRoutingRuleRepository().given(
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
    handler = new RouteTicketHandler(uow, tickets, rules, departments);
  });

  const command = (over: Partial<RouteTicketCommand> = {}) =>
    RouteTicketCommand.create({
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
      ...over,
    });

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

  it('refuses a submission without a number or category before anything is written', () => {
    expect(() => command({ number: '' })).toThrow(DomainError);
    expect(() => command({ category: '' })).toThrow(/category/);
    expect(tickets.rows.size).toBe(0);
  });
});
