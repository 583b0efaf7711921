import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDepartmentRepository } from '../../../departments/infrastructure/department.in-memory-repository';
import {
  aRoutedTicket,
  InMemoryRoutedTicketRepository,
} from '../../../tickets/infrastructure/routed-ticket.in-memory-repository';
import { InMemoryTransferRequestRepository } from '../../infrastructure/transfer-request.in-memory-repository';
import { DecideTransferCommand } from './decide-transfer.command';
import { DecideTransferHandler } from './decide-transfer.handler';

const DESK = { id: 'desk', role: 'committee' as const };
const REQUEST = '0193d000-0000-7000-8000-0000000000aa';
const GHOST = '0193ffff-0000-7000-8000-000000000000';

describe('DecideTransferHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let transfers: InMemoryTransferRequestRepository;
  let handler: DecideTransferHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository().given(aRoutedTicket());
    transfers = new InMemoryTransferRequestRepository().given({
      id: REQUEST,
      ticketId: 't1',
      ticketNumber: 'CS-2026-000001',
      fromDepartmentId: 'hrss',
      reason: '非本局职责',
      requestedAt: new Date('2026-03-03T08:00:00Z'),
      requestedBy: 'dept-user',
      sourceEventId: '0193d000-0000-7000-8000-000000000001',
      status: 'pending',
      decidedAt: null,
      decidedBy: null,
      leadDepartmentId: null,
      coHandlerDepartmentIds: [],
      note: null,
    });
    const departments = new InMemoryDepartmentRepository().given('hrss', 'miit', 'treasury');
    handler = new DecideTransferHandler(uow, transfers, tickets, departments);
  });

  const command = (over: Partial<DecideTransferCommand> = {}) =>
    DecideTransferCommand.create({
      transferRequestId: REQUEST,
      approved: true,
      leadDepartmentId: 'treasury',
      note: '补贴兑现由财政局牵头',
      actor: DESK,
      ...over,
    });

  it('approves: the lead moves, the co-handlers stay, dispatch.transfer-decided is the ticket’s next event', async () => {
    const decided = await handler.execute(command());
    expect(decided).toMatchObject({
      status: 'approved',
      decidedBy: 'desk',
      leadDepartmentId: 'treasury',
      coHandlerDepartmentIds: ['miit'],
      note: '补贴兑现由财政局牵头',
    });
    expect(transfers.rows.get(REQUEST)).toMatchObject({ status: 'approved', decidedAt: expect.any(Date) });
    expect(tickets.rows.get('t1')).toMatchObject({
      leadDepartmentId: 'treasury',
      firstHandlerDepartmentId: 'hrss',
      eventsEmitted: 2,
    });
    expect(tickets.events).toEqual([
      {
        aggregateId: 't1',
        type: 'dispatch.transfer-decided',
        aggregateVersion: 2,
        actor: DESK,
        payload: {
          ticketId: 't1',
          approved: true,
          fromDepartmentId: 'hrss',
          leadDepartmentId: 'treasury',
          coHandlerDepartmentIds: ['miit'],
          note: '补贴兑现由财政局牵头',
        },
      },
    ]);
    expect(tickets.counted).toEqual([
      expect.objectContaining({ departmentId: 'hrss', kind: 'transfer_approved', sourceId: REQUEST }),
    ]);
    expect(tickets.history.map((h) => h.kind)).toEqual(['transfer-approved']);
    expect(uow.transactions).toBe(1);
  });

  it('rejects: the ticket stays with the first handler, and the rejection is announced too', async () => {
    await handler.execute(command({ approved: false, leadDepartmentId: undefined, note: '首办负责' }));
    expect(tickets.rows.get('t1')?.leadDepartmentId).toBe('hrss');
    expect(tickets.events[0].payload).toEqual({
      ticketId: 't1',
      approved: false,
      fromDepartmentId: 'hrss',
      leadDepartmentId: null,
      coHandlerDepartmentIds: [],
      note: '首办负责',
    });
  });

  it('refuses to hand the ticket back to the department that asked, writing nothing', async () => {
    const error = (await handler
      .execute(command({ leadDepartmentId: 'hrss' }))
      .catch((e) => e)) as DomainError;
    expect(error.code).toBe('validation');
    expect(error.details.errors).toEqual([
      {
        field: 'leadDepartmentId',
        messages: ['leadDepartmentId must differ from the department that asked for the transfer'],
      },
    ]);
    expect(transfers.rows.get(REQUEST)?.status).toBe('pending');
    expect(tickets.events).toEqual([]);
  });

  it('decides a request once, and answers an unknown one with 404', async () => {
    await handler.execute(command());
    const again = (await handler
      .execute(command({ approved: false, leadDepartmentId: undefined, note: '再议' }))
      .catch((e) => e)) as DomainError;
    expect(again.code).toBe('conflict');
    expect(again.details).toEqual({ state: 'approved' });
    expect(tickets.events).toHaveLength(1);
    const missing = (await handler
      .execute(command({ transferRequestId: GHOST }))
      .catch((e) => e)) as DomainError;
    expect(missing.code).toBe('notFound');
    expect(missing.message).toBe(`transfer request ${GHOST} does not exist`);
  });
});
