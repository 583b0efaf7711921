import { DomainError, SYSTEM_ACTOR } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import {
  aRoutedTicket,
  InMemoryRoutedTicketRepository,
} from '../../infrastructure/routed-ticket.in-memory-repository';
import { FollowAssignmentCommand } from './follow-assignment.command';
import { FollowAssignmentHandler } from './follow-assignment.handler';

const at = new Date('2026-03-02T08:00:00Z');

describe('FollowAssignmentHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let handler: FollowAssignmentHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository().given(aRoutedTicket());
    handler = new FollowAssignmentHandler(uow, tickets);
  });

  const command = (over: Partial<FollowAssignmentCommand> = {}) =>
    FollowAssignmentCommand.create({
      ticketId: 't1',
      leadDepartmentId: 'treasury',
      coHandlerDepartmentIds: ['miit'],
      firstHandlerDepartmentId: 'hrss',
      via: 'transfer',
      previousLeadDepartmentId: 'hrss',
      eventId: 'event-1',
      actor: SYSTEM_ACTOR,
      occurredAt: at,
      ...over,
    });

  it('follows the new lead, keeps the first handler, counts the assignment once, and announces nothing', async () => {
    await handler.execute(command());
    await handler.execute(command());
    expect(tickets.rows.get('t1')).toMatchObject({
      leadDepartmentId: 'treasury',
      firstHandlerDepartmentId: 'hrss',
    });
    expect(tickets.counted).toEqual([
      { ticketId: 't1', departmentId: 'treasury', kind: 'assigned', occurredAt: at, sourceId: 'event-1' },
    ]);
    expect(tickets.history[0]).toMatchObject({
      kind: 'assigned',
      departmentId: 'treasury',
      details: { via: 'transfer', coHandlerDepartmentIds: ['miit'], previousLeadDepartmentId: 'hrss' },
    });
    expect(tickets.events).toEqual([]);
    expect(uow.transactions).toBe(2);
  });

  it('logs and counts the assignment of a ticket it has no record of, without making one', async () => {
    await handler.execute(command({ ticketId: 'old', eventId: 'event-2' }));
    expect(tickets.rows.has('old')).toBe(false);
    expect(tickets.counted.map((c) => c.ticketId)).toEqual(['old']);
  });

  it('refuses an assignment that names no lead', () => {
    expect(() => command({ leadDepartmentId: '' })).toThrow(DomainError);
  });
});
