import { DomainError, SYSTEM_ACTOR } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import {
  aRoutedTicket,
  InMemoryRoutedTicketRepository,
} from '../../infrastructure/routed-ticket.in-memory-repository';
import { FollowAssignmentsCommand, TicketAssignment } from './follow-assignments.command';
import { FollowAssignmentsHandler } from './follow-assignments.handler';

const at = new Date('2026-03-02T08:00:00Z');

describe('FollowAssignmentsHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let handler: FollowAssignmentsHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository().given(aRoutedTicket());
    handler = new FollowAssignmentsHandler(uow, tickets);
  });

  const assignment = (over: Partial<TicketAssignment> = {}) =>
    TicketAssignment.of({
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
  const command = (over: Partial<TicketAssignment> = {}) =>
    FollowAssignmentsCommand.create({ assignments: [assignment(over)] });

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

  it('follows a batch of tickets with one locking read, as one by one would', async () => {
    tickets.given(aRoutedTicket({ ticketId: 't2', number: 'CS-2026-000002' }));
    await handler.execute(
      FollowAssignmentsCommand.create({
        assignments: [
          assignment(),
          assignment({
            ticketId: 't2',
            leadDepartmentId: 'miit',
            coHandlerDepartmentIds: [],
            eventId: 'event-2',
          }),
          assignment({ ticketId: 'old', eventId: 'event-3' }),
        ],
      }),
    );
    expect(tickets.lockReads).toBe(1);
    expect(uow.transactions).toBe(1);
    expect(tickets.rows.get('t1')?.leadDepartmentId).toBe('treasury');
    expect(tickets.rows.get('t2')).toMatchObject({ leadDepartmentId: 'miit', coHandlerDepartmentIds: [] });
    expect(tickets.rows.has('old')).toBe(false);
    expect(tickets.counted.map((c) => [c.ticketId, c.departmentId, c.sourceId])).toEqual([
      ['t1', 'treasury', 'event-1'],
      ['t2', 'miit', 'event-2'],
      ['old', 'treasury', 'event-3'],
    ]);
  });

  it('refuses an assignment that names no lead', () => {
    expect(() => command({ leadDepartmentId: '' })).toThrow(DomainError);
  });

  it('refuses a batch that is empty, names a ticket twice, or holds a bad assignment (named by its index)', () => {
    expect(() => FollowAssignmentsCommand.create({ assignments: [] })).toThrow(/assignments/);
    expect(() => FollowAssignmentsCommand.create({ assignments: [assignment(), assignment()] })).toThrow(
      /followed once per command/,
    );
    expect(() =>
      FollowAssignmentsCommand.create({
        assignments: [assignment(), assignment({ ticketId: 't2', eventId: '' })],
      }),
    ).toThrow(/assignments\.1\.eventId/);
  });
});
