import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDepartmentRepository } from '../../../departments/infrastructure/department.in-memory-repository';
import {
  aRoutedTicket,
  InMemoryRoutedTicketRepository,
} from '../../../tickets/infrastructure/routed-ticket.in-memory-repository';
import { AssignFromTriageCommand } from './assign-from-triage.command';
import { AssignFromTriageHandler } from './assign-from-triage.handler';

const DESK = { id: 'desk', role: 'committee' as const };

describe('AssignFromTriageHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let handler: AssignFromTriageHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository().given(
      aRoutedTicket({
        status: 'triage',
        category: 'other',
        leadDepartmentId: null,
        coHandlerDepartmentIds: [],
        firstHandlerDepartmentId: null,
        decidedVia: null,
        ruleId: null,
        ruleVersion: null,
        explanation: '没有适用「其他」的规则，转综合党委人工分派',
        decidedAt: null,
        decidedBy: null,
      }),
    );
    handler = new AssignFromTriageHandler(
      uow,
      tickets,
      new InMemoryDepartmentRepository().given('econ_dev', 'treasury'),
    );
  });

  const command = (over: Partial<AssignFromTriageCommand> = {}) =>
    AssignFromTriageCommand.create({
      ticketId: 't1',
      leadDepartmentId: 'econ_dev',
      coHandlerDepartmentIds: ['treasury'],
      note: ' 食堂承包属园区经营事项 ',
      actor: DESK,
      ...over,
    });

  it('routes the ticket by hand: dispatch.decided via manual, numbered after the triage event', async () => {
    const decided = await handler.execute(command());
    expect(decided).toMatchObject({
      status: 'decided',
      decidedVia: 'manual',
      leadDepartmentId: 'econ_dev',
      firstHandlerDepartmentId: 'econ_dev',
      explanation: '食堂承包属园区经营事项',
      decidedBy: 'desk',
    });
    expect(tickets.rows.get('t1')).toMatchObject({ status: 'decided', eventsEmitted: 2 });
    expect(tickets.events).toEqual([
      {
        aggregateId: 't1',
        type: 'dispatch.decided',
        aggregateVersion: 2,
        actor: DESK,
        payload: {
          ticketId: 't1',
          leadDepartmentId: 'econ_dev',
          coHandlerDepartmentIds: ['treasury'],
          via: 'manual',
          ruleId: null,
          ruleVersion: null,
          explanation: '食堂承包属园区经营事项',
        },
      },
    ]);
    expect(tickets.history.map((h) => [h.kind, h.departmentId])).toEqual([['assigned-manually', 'econ_dev']]);
    expect(uow.transactions).toBe(1);
  });

  it('assigns once: a second assignment is a conflict naming where the ticket is', async () => {
    await handler.execute(command());
    const error = (await handler.execute(command()).catch((e) => e)) as DomainError;
    expect(error.code).toBe('conflict');
    expect(error.message).toBe('ticket CS-2026-000001 is not waiting in triage: it is decided (manually)');
    expect(error.details).toEqual({ state: 'decided' });
    expect(tickets.events).toHaveLength(1);
  });

  it('refuses departments the desk does not know before it looks at the ticket', async () => {
    const error = (await handler
      .execute(command({ ticketId: 'ghost', leadDepartmentId: 'nope', note: ' ' }))
      .catch((e) => e)) as DomainError;
    expect(error.code).toBe('validation');
    expect((error.details.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'leadDepartmentId',
      'note',
    ]);
    const missing = (await handler.execute(command({ ticketId: 'ghost' })).catch((e) => e)) as DomainError;
    expect(missing.code).toBe('notFound');
    expect(tickets.events).toEqual([]);
  });
});
