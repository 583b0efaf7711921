import { DomainError, SYSTEM_ACTOR } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { TransferRequestRecord } from '../../../transfers/domain/transfer-request.aggregate';
import { InMemoryTransferRequestRepository } from '../../../transfers/infrastructure/transfer-request.in-memory-repository';
import {
  aRoutedTicket,
  InMemoryRoutedTicketRepository,
} from '../../infrastructure/routed-ticket.in-memory-repository';
import { EndTicketCommand } from './end-ticket.command';
import { EndTicketHandler } from './end-ticket.handler';

const ENTERPRISE = { id: 'ent-user', role: 'enterprise' as const };
const at = new Date('2026-03-10T08:00:00Z');

const pending = (id: string, ticketId = 't1'): TransferRequestRecord => ({
  id,
  ticketId,
  ticketNumber: 'CS-2026-000001',
  fromDepartmentId: 'hrss',
  reason: '非本局职责',
  requestedAt: at,
  requestedBy: 'dept-user',
  sourceEventId: `source-${id}`,
  status: 'pending',
  decidedAt: null,
  decidedBy: null,
  leadDepartmentId: null,
  coHandlerDepartmentIds: [],
  note: null,
});

describe('EndTicketHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let transfers: InMemoryTransferRequestRepository;
  let handler: EndTicketHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository().given(aRoutedTicket({ status: 'triage' }));
    transfers = new InMemoryTransferRequestRepository().given(pending('tr1'), pending('tr2', 'other'));
    handler = new EndTicketHandler(uow, tickets, transfers);
  });

  const command = (over: Partial<EndTicketCommand> = {}) =>
    EndTicketCommand.create({
      ticketId: 't1',
      outcome: 'closed',
      actor: ENTERPRISE,
      occurredAt: at,
      ...over,
    });

  it('takes the ticket out of the desk’s queues and cancels its pending transfer request, logged in that order', async () => {
    await handler.execute(command());
    expect(tickets.rows.get('t1')?.status).toBe('closed');
    expect(transfers.rows.get('tr1')).toMatchObject({
      status: 'cancelled',
      decidedBy: 'system',
      note: 'the ticket was closed',
    });
    expect(transfers.rows.get('tr2')?.status).toBe('pending');
    expect(tickets.history.map((h) => [h.kind, h.actor, h.departmentId])).toEqual([
      ['transfer-cancelled', SYSTEM_ACTOR, 'hrss'],
      ['closed', ENTERPRISE, null],
    ]);
    expect(tickets.events).toEqual([]);
    expect(uow.transactions).toBe(1);
  });

  it('logs the end of a ticket it has no record of', async () => {
    await handler.execute(command({ ticketId: 'old', outcome: 'withdrawn' }));
    expect(tickets.rows.has('old')).toBe(false);
    expect(tickets.history.map((h) => [h.ticketId, h.kind])).toEqual([['old', 'withdrawn']]);
  });

  it('refuses an outcome other than withdrawn or closed', () => {
    expect(() => command({ outcome: 'resolved' as 'closed' })).toThrow(DomainError);
  });
});
