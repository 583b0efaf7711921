import { DomainError } from '@ticketing/contracts';
import { TransferRequest } from './transfer-request.aggregate';

const at = new Date('2026-03-02T08:00:00Z');
const now = new Date('2026-03-02T09:00:00Z');
const ctx = { isKnownDepartment: () => true, currentCoHandlerDepartmentIds: ['co1'] };

const asked = () =>
  TransferRequest.request({
    id: 'tr1',
    ticketId: 't1',
    ticketNumber: 'CS-1',
    fromDepartmentId: 'hrss',
    reason: '非本局职责',
    requestedAt: at,
    requestedBy: 'dept-user',
    sourceEventId: 'e1',
  });

describe('TransferRequest', () => {
  it('waits for the committee once asked', () => {
    const r = asked();
    expect(r.state).toMatchObject({
      status: 'pending',
      decidedAt: null,
      decidedBy: null,
      leadDepartmentId: null,
      coHandlerDepartmentIds: [],
      note: null,
    });
    expect(r.pullChanges()).toEqual({ row: 'insert' });
  });

  it('records the committee’s decision on it', () => {
    const r = TransferRequest.restore({ ...asked().state });
    const d = r.decide({ approved: true, leadDepartmentId: 'treasury', note: '财政牵头' }, ctx, 'desk', now);
    expect(d).toEqual({
      status: 'approved',
      leadDepartmentId: 'treasury',
      coHandlerDepartmentIds: ['co1'],
      note: '财政牵头',
    });
    expect(r.state).toMatchObject({
      status: 'approved',
      decidedAt: now,
      decidedBy: 'desk',
      leadDepartmentId: 'treasury',
      coHandlerDepartmentIds: ['co1'],
      note: '财政牵头',
    });
    expect(r.pullChanges()).toEqual({ row: 'update' });
  });

  it('is cancelled by the system, and then no longer decided', () => {
    const r = TransferRequest.restore({ ...asked().state });
    r.cancel('the ticket was closed', now);
    expect(r.state).toMatchObject({
      status: 'cancelled',
      decidedAt: now,
      decidedBy: 'system',
      note: 'the ticket was closed',
    });
    let error: DomainError | undefined;
    try {
      r.decide({ approved: false, note: 'n' }, ctx, 'desk', now);
    } catch (e) {
      error = e as DomainError;
    }
    expect(error?.code).toBe('conflict');
    expect(error?.details).toEqual({ state: 'cancelled' });
  });
});
