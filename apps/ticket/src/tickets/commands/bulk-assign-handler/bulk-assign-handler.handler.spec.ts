import pino from 'pino';
import { InMemoryEnterpriseDirectory } from '../../../directory/infrastructure/enterprise-directory.in-memory-repository';
import { AssignHandlerHandler } from '../assign-handler/assign-handler.handler';
import { handlerSpecKit, OTHER_ID, people, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { BulkAssignHandlerCommand } from './bulk-assign-handler.command';
import { BulkAssignHandlerHandler } from './bulk-assign-handler.handler';

describe('BulkAssignHandlerHandler', () => {
  it('hands each ticket to the person on its own; an unknown person fails every item naming handlerUserId', async () => {
    const kit = handlerSpecKit(
      ticketIn('in_progress'),
      ticketIn('assigned', { id: OTHER_ID, number: 'CS-2026-000002' }),
    );
    const directory = new InMemoryEnterpriseDirectory();
    await directory.upsertUser(
      { id: 'u-wang', displayName: '王科员', role: 'department', departmentId: 'dep-lead', active: true },
      new Date('2026-01-01T00:00:00Z'),
    );
    const handler = new BulkAssignHandlerHandler(
      new AssignHandlerHandler(kit.runner, directory),
      pino({ level: 'silent' }),
    );
    const items = () =>
      [TICKET_ID, OTHER_ID].map((ticketId) => ({
        ticketId,
        expectedVersion: kit.tickets.get(ticketId)!.version,
      }));
    const done = await handler.execute(
      BulkAssignHandlerCommand.create({ user: people.lead, handlerUserId: 'u-wang', items: items() }),
    );
    expect(done).toMatchObject({ succeeded: 2, failed: 0 });
    expect(kit.tickets.get(OTHER_ID)!.handler).toEqual({ userId: 'u-wang', name: '王科员' });
    const unknown = await handler.execute(
      BulkAssignHandlerCommand.create({ user: people.lead, handlerUserId: 'u-nobody', items: items() }),
    );
    expect(unknown.results.map((r) => r.problem?.errors)).toEqual([
      [{ field: 'handlerUserId', messages: [expect.any(String)] }],
      [{ field: 'handlerUserId', messages: [expect.any(String)] }],
    ]);
    expect(kit.tickets.eventTypes()).toEqual(['ticket.handler-assigned', 'ticket.handler-assigned']);
  });
});
