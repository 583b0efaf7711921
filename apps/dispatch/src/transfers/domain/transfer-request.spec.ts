import { DomainError } from '@ticketing/contracts';
import { decideTransfer, TransferRequestState } from './transfer-request';

const pending: TransferRequestState = {
  id: 'tr1',
  ticketId: 't1',
  fromDepartmentId: 'from',
  status: 'pending',
  decidedAt: null,
};
const ctx = {
  isKnownDepartment: (id: string) => ['from', 'to', 'co1', 'co2'].includes(id),
  currentCoHandlerDepartmentIds: ['co1', 'to'],
};

function failure(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
}

describe('decideTransfer', () => {
  it('approves to a new lead and keeps the other co-handlers when none are named', () => {
    expect(
      decideTransfer(pending, { approved: true, leadDepartmentId: 'to', note: ' 职责在交通 ' }, ctx),
    ).toEqual({
      status: 'approved',
      leadDepartmentId: 'to',
      coHandlerDepartmentIds: ['co1'],
      note: '职责在交通',
    });
  });

  it('approves with the co-handlers the committee names', () => {
    const d = decideTransfer(
      pending,
      { approved: true, leadDepartmentId: 'to', coHandlerDepartmentIds: ['from'], note: 'n' },
      ctx,
    );
    expect(d.coHandlerDepartmentIds).toEqual(['from']);
  });

  it('rejects and keeps the ticket with the first handler', () => {
    expect(decideTransfer(pending, { approved: false, note: '属于本部门职责' }, ctx)).toEqual({
      status: 'rejected',
      leadDepartmentId: null,
      coHandlerDepartmentIds: [],
      note: '属于本部门职责',
    });
  });

  it('refuses to approve without a lead, or back to the department that asked', () => {
    const missing = failure(() => decideTransfer(pending, { approved: true, note: 'n' }, ctx));
    expect(missing.code).toBe('validation');
    expect(missing.details.errors).toEqual([
      { field: 'leadDepartmentId', messages: ['leadDepartmentId is required when the transfer is approved'] },
    ]);
    const same = failure(() =>
      decideTransfer(pending, { approved: true, leadDepartmentId: 'from', note: 'n' }, ctx),
    );
    expect(same.message).toBe(
      'leadDepartmentId: leadDepartmentId must differ from the department that asked for the transfer',
    );
  });

  it('refuses unknown departments and a lead among the co-handlers', () => {
    const e = failure(() =>
      decideTransfer(
        pending,
        { approved: true, leadDepartmentId: 'nope', coHandlerDepartmentIds: ['nope', 'x'], note: 'n' },
        ctx,
      ),
    );
    expect((e.details.errors as { field: string }[]).map((x) => x.field)).toEqual([
      'leadDepartmentId',
      'coHandlerDepartmentIds',
    ]);
  });

  it('refuses a lead or co-handlers on a rejection, and a blank note', () => {
    const e = failure(() =>
      decideTransfer(
        pending,
        { approved: false, leadDepartmentId: 'to', coHandlerDepartmentIds: [], note: '  ' },
        ctx,
      ),
    );
    expect((e.details.errors as { field: string }[]).map((x) => x.field)).toEqual([
      'note',
      'leadDepartmentId',
      'coHandlerDepartmentIds',
    ]);
  });

  it('decides a request once: a second decision is a conflict naming the state', () => {
    const decided: TransferRequestState = {
      ...pending,
      status: 'approved',
      decidedAt: new Date('2026-03-02T08:00:00Z'),
    };
    const e = failure(() => decideTransfer(decided, { approved: false, note: 'again' }, ctx));
    expect(e.code).toBe('conflict');
    expect(e.message).toBe('transfer request tr1 is already approved at 2026-03-02T08:00:00.000Z');
    expect(e.details).toEqual({ state: 'approved' });
  });
});
