import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryTicketCopies } from '../../infrastructure/ticket-copies.in-memory-repository';
import { RecordTicketFactCommand } from './record-ticket-fact.command';
import { RecordTicketFactHandler } from './record-ticket-fact.handler';

const base = {
  ticketId: 't-1',
  number: 'CS-2026-000001',
  enterpriseId: 'ent-1',
  gridId: 'grid-1',
  leadDepartmentId: null,
  coHandlerDepartmentIds: [],
};

describe('RecordTicketFactHandler', () => {
  it('follows a visit’s ticket to its rating; a late, older event changes nothing; a reopen clears the rating', async () => {
    const copies = new InMemoryTicketCopies();
    const h = new RecordTicketFactHandler(new InlineUnitOfWork(), copies);
    const VISIT = '0190f1f0-0000-7000-8000-000000000101';
    await h.execute(
      RecordTicketFactCommand.create({
        ...base,
        status: 'submitted',
        visitId: VISIT,
        visitProblemIndex: 1,
        sourceVersion: 1,
      }),
    );
    await h.execute(
      RecordTicketFactCommand.create({
        ...base,
        status: 'assigned',
        leadDepartmentId: 'dep-1',
        sourceVersion: 2,
      }),
    );
    await h.execute(
      RecordTicketFactCommand.create({
        ...base,
        status: 'resolved',
        leadDepartmentId: 'dep-1',
        outcome: { solved: true, satisfaction: 'satisfied' },
        sourceVersion: 7,
      }),
    );
    await h.execute(RecordTicketFactCommand.create({ ...base, status: 'submitted', sourceVersion: 1 }));
    expect(await copies.find('t-1')).toMatchObject({
      status: 'resolved',
      leadDepartmentId: 'dep-1',
      visitId: VISIT,
      visitProblemIndex: 1,
      solved: true,
      satisfaction: 'satisfied',
    });
    await h.execute(
      RecordTicketFactCommand.create({
        ...base,
        status: 'reopened',
        leadDepartmentId: 'dep-1',
        outcome: null,
        sourceVersion: 8,
      }),
    );
    expect(await copies.find('t-1')).toMatchObject({ status: 'reopened', solved: null, satisfaction: null });
  });

  it('refuses a fact without a version', () => {
    expect(() => RecordTicketFactCommand.create({ ...base, status: 'submitted', sourceVersion: 0 })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
