import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryAgendaSources } from '../../infrastructure/agenda-sources.in-memory-repository';
import { RecordTicketFactCommand } from './record-ticket-fact.command';
import { RecordTicketFactHandler } from './record-ticket-fact.handler';

const base = { ticketId: 't-1', number: 'CS-2026-000001', enterpriseId: 'ent-1', coHandlerDepartmentIds: [] };

describe('RecordTicketFactHandler', () => {
  it('keeps the title from the submission, follows the lead, and ignores a late older event', async () => {
    const sources = new InMemoryAgendaSources();
    const h = new RecordTicketFactHandler(new InlineUnitOfWork(), sources);
    await h.execute(
      RecordTicketFactCommand.create({
        ...base,
        leadDepartmentId: null,
        status: 'submitted',
        sourceVersion: 1,
        title: '厂区门口道路破损',
        enterpriseName: '六枝机械厂',
      }),
    );
    await h.execute(
      RecordTicketFactCommand.create({
        ...base,
        leadDepartmentId: 'dep-1',
        status: 'assigned',
        sourceVersion: 3,
      }),
    );
    await h.execute(
      RecordTicketFactCommand.create({
        ...base,
        leadDepartmentId: null,
        status: 'submitted',
        sourceVersion: 1,
      }),
    );
    expect(await sources.findTicket('t-1')).toMatchObject({
      title: '厂区门口道路破损',
      enterpriseName: '六枝机械厂',
      leadDepartmentId: 'dep-1',
      status: 'assigned',
    });
  });

  it('refuses a fact without a version', () => {
    expect(() =>
      RecordTicketFactCommand.create({
        ...base,
        leadDepartmentId: null,
        status: 'submitted',
        sourceVersion: 0,
      }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
