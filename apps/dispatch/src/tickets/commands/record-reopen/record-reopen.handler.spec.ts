import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import {
  aRoutedTicket,
  InMemoryRoutedTicketRepository,
} from '../../infrastructure/routed-ticket.in-memory-repository';
import { RecordReopenCommand } from './record-reopen.command';
import { RecordReopenHandler } from './record-reopen.handler';

const ENTERPRISE = { id: 'ent-user', role: 'enterprise' as const };
const at = new Date('2026-03-10T08:00:00Z');

describe('RecordReopenHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let handler: RecordReopenHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository().given(aRoutedTicket());
    handler = new RecordReopenHandler(uow, tickets);
  });

  const command = (over: Partial<RecordReopenCommand> = {}) =>
    RecordReopenCommand.create({
      ticketId: 't1',
      leadDepartmentId: null,
      reason: '问题未解决',
      reopenCount: 1,
      eventId: 'event-1',
      actor: ENTERPRISE,
      occurredAt: at,
      ...over,
    });

  it('counts the reopen against the lead once (the desk’s record of it when the event names none), no new routing', async () => {
    await handler.execute(command());
    await handler.execute(command());
    expect(tickets.counted).toEqual([
      { ticketId: 't1', departmentId: 'hrss', kind: 'reopened', occurredAt: at, sourceId: 'event-1' },
    ]);
    expect(tickets.history[0]).toEqual({
      ticketId: 't1',
      kind: 'reopened',
      at,
      actor: ENTERPRISE,
      departmentId: 'hrss',
      details: { reason: '问题未解决', reopenCount: 1 },
    });
    expect(tickets.rows.get('t1')).toEqual(aRoutedTicket());
    expect(tickets.events).toEqual([]);
    expect(uow.transactions).toBe(2);
  });

  it('counts against the lead the event names', async () => {
    await handler.execute(command({ leadDepartmentId: 'treasury', eventId: 'event-2' }));
    expect(tickets.counted[0].departmentId).toBe('treasury');
  });

  it('refuses a reopen count that is not a whole number', () => {
    expect(() => command({ reopenCount: 1.5 })).toThrow(DomainError);
  });
});
