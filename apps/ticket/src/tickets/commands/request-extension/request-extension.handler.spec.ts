import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { RequestExtensionCommand } from './request-extension.command';
import { RequestExtensionHandler } from './request-extension.handler';

describe('RequestExtensionHandler', () => {
  const due = new Date('2099-03-10T09:30:00Z');

  it('asks the committee for a deadline after the one in force, recorded as ticket.extension-requested', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    await kit.deadlines.record([
      { ticketId: TICKET_ID, kind: 'resolve', change: 'set', dueAt: due.toISOString(), at: new Date() },
    ]);
    const proposedDueAt = new Date('2099-03-17T09:30:00Z');
    const result = await new RequestExtensionHandler(kit.runner, kit.deadlines).execute(
      RequestExtensionCommand.create({
        user: people.lead,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        reason: '需协调供水公司',
        proposedDueAt,
      }),
    );
    expect(result.status).toBe('in_progress');
    expect(kit.tickets.eventTypes()).toEqual(['ticket.extension-requested']);
    expect(kit.tickets.get(TICKET_ID)!.pendingExtension?.proposedDueAt).toEqual(proposedDueAt);
  });

  it('refuses a proposed deadline that is not after the one in force, naming the field, saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    await kit.deadlines.record([
      { ticketId: TICKET_ID, kind: 'resolve', change: 'set', dueAt: due.toISOString(), at: new Date() },
    ]);
    const e = await refusal(
      new RequestExtensionHandler(kit.runner, kit.deadlines).execute(
        RequestExtensionCommand.create({
          user: people.lead,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          reason: '需协调',
          proposedDueAt: new Date(due.getTime() - 3_600_000),
        }),
      ),
    );
    expect(e.code).toBe('validation');
    expect(e.details.errors).toEqual([
      { field: 'proposedDueAt', messages: [expect.stringContaining('later than')] },
    ]);
    expect(kit.tickets.saved).toEqual([]);
  });
});
