import { Ticket } from '../../domain/ticket.aggregate';
import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { DecideExtensionCommand } from './decide-extension.command';
import { DecideExtensionHandler } from './decide-extension.handler';

function awaitingDecision(): Ticket {
  const t = ticketIn('in_progress');
  t.requestExtension(
    { id: people.lead.id, role: 'department' },
    { reason: '需协调供水公司', proposedDueAt: new Date('2099-03-17T09:30:00Z') },
    new Date(),
  );
  return t;
}

describe('DecideExtensionHandler', () => {
  it('the committee approves: the proposed deadline becomes the new one, recorded as ticket.extension-decided', async () => {
    const kit = handlerSpecKit(awaitingDecision());
    await new DecideExtensionHandler(kit.runner, kit.deadlines).execute(
      DecideExtensionCommand.create({
        user: people.committee,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        approved: true,
        note: '同意',
        newDueAt: null,
      }),
    );
    expect(kit.tickets.eventTypes()).toEqual(['ticket.extension-decided']);
    expect(kit.tickets.saved[0].payload).toMatchObject({
      approved: true,
      newDueAt: '2099-03-17T09:30:00.000Z',
    });
    expect(kit.tickets.get(TICKET_ID)!.pendingExtension).toBeNull();
  });

  it('refuses the lead deciding on its own request, saving nothing', async () => {
    const kit = handlerSpecKit(awaitingDecision());
    const e = await refusal(
      new DecideExtensionHandler(kit.runner, kit.deadlines).execute(
        DecideExtensionCommand.create({
          user: people.lead,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          approved: true,
          note: null,
          newDueAt: null,
        }),
      ),
    );
    expect(e.code).toBe('forbidden');
    expect(kit.tickets.saved).toEqual([]);
  });
});
