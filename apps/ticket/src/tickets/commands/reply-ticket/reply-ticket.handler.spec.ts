import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { ReplyTicketCommand } from './reply-ticket.command';
import { ReplyTicketHandler } from './reply-ticket.handler';

describe('ReplyTicketHandler', () => {
  it('ticket.replied: in_progress → in_progress, recorded as ticket.replied', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress', { coHandler: true }));
    const before = kit.version();
    const result = await new ReplyTicketHandler(kit.runner).execute(
      ReplyTicketCommand.create({
        user: people.lead,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        message: '正在抢修。',
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'in_progress', version: before + 1 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.replied']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a co-handler answering the enterprise in the lead’s place, saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress', { coHandler: true }));
    const before = kit.version();
    const e = await refusal(
      new ReplyTicketHandler(kit.runner).execute(
        ReplyTicketCommand.create({
          user: people.coHandler,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          message: '替牵头单位答复',
        }),
      ),
    );
    expect(e.code).toBe('forbidden');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
