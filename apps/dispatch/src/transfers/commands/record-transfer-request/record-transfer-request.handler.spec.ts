import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import {
  aRoutedTicket,
  InMemoryRoutedTicketRepository,
} from '../../../tickets/infrastructure/routed-ticket.in-memory-repository';
import { InMemoryTransferRequestRepository } from '../../infrastructure/transfer-request.in-memory-repository';
import { RecordTransferRequestCommand } from './record-transfer-request.command';
import { RecordTransferRequestHandler } from './record-transfer-request.handler';

const DEPT = { id: 'dept-user', role: 'department' as const };
const first = new Date('2026-03-03T08:00:00Z');
const second = new Date('2026-03-04T08:00:00Z');
const EVENT_1 = '0193d000-0000-7000-8000-000000000001';
const EVENT_2 = '0193d000-0000-7000-8000-000000000002';

describe('RecordTransferRequestHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let transfers: InMemoryTransferRequestRepository;
  let handler: RecordTransferRequestHandler;

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository().given(aRoutedTicket());
    transfers = new InMemoryTransferRequestRepository();
    handler = new RecordTransferRequestHandler(uow, tickets, transfers);
  });

  const command = (over: Partial<RecordTransferRequestCommand> = {}) =>
    RecordTransferRequestCommand.create({
      ticketId: 't1',
      ticketNumber: 'CS-2026-000001',
      fromDepartmentId: 'hrss',
      reason: '招聘补贴属财政兑现',
      enterpriseId: 'ent-1',
      category: 'labour',
      urgency: 'normal',
      gridId: null,
      leadDepartmentId: 'hrss',
      coHandlerDepartmentIds: ['miit'],
      eventId: EVENT_1,
      actor: DEPT,
      occurredAt: first,
      ...over,
    });

  it('records a pending request for the committee, logs it and counts it for the asking department', async () => {
    await handler.execute(command());
    const [request] = [...transfers.rows.values()];
    expect(request).toMatchObject({
      ticketId: 't1',
      ticketNumber: 'CS-2026-000001',
      fromDepartmentId: 'hrss',
      reason: '招聘补贴属财政兑现',
      requestedAt: first,
      requestedBy: 'dept-user',
      sourceEventId: EVENT_1,
      status: 'pending',
    });
    expect(tickets.counted).toEqual([
      {
        ticketId: 't1',
        departmentId: 'hrss',
        kind: 'transfer_requested',
        occurredAt: first,
        sourceId: EVENT_1,
      },
    ]);
    expect(tickets.history).toEqual([
      expect.objectContaining({
        kind: 'transfer-requested',
        actor: DEPT,
        departmentId: 'hrss',
        details: { transferRequestId: request.id, reason: '招聘补贴属财政兑现' },
      }),
    ]);
    expect(tickets.rows.get('t1')).toEqual(aRoutedTicket());
    expect(tickets.events).toEqual([]);
    expect(uow.transactions).toBe(1);
  });

  it('lets a newer request overtake one still pending', async () => {
    await handler.execute(command());
    await handler.execute(command({ eventId: EVENT_2, occurredAt: second, reason: '再次申请' }));
    const requests = [...transfers.rows.values()].sort((a, b) => +a.requestedAt - +b.requestedAt);
    expect(requests.map((r) => [r.status, r.note])).toEqual([
      ['cancelled', 'superseded by a newer transfer request'],
      ['pending', null],
    ]);
    expect(requests[0]).toMatchObject({ decidedAt: second, decidedBy: 'system' });
  });

  it('learns a ticket it has no record of from the request, so the committee can still decide', async () => {
    await handler.execute(command({ ticketId: 'old', leadDepartmentId: null, coHandlerDepartmentIds: [] }));
    expect(tickets.rows.get('old')).toMatchObject({
      status: 'decided',
      leadDepartmentId: 'hrss',
      firstHandlerDepartmentId: 'hrss',
      eventsEmitted: 0,
    });
  });

  it('refuses a request that names no asking department', () => {
    expect(() => command({ fromDepartmentId: '' })).toThrow(DomainError);
  });
});
