import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { ReportPartCommand } from './report-part.command';
import { ReportPartHandler } from './report-part.handler';

describe('ReportPartHandler', () => {
  it('ticket.part-reported: in_progress → in_progress, recorded as ticket.part-reported', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress', { coHandler: true }));
    const before = kit.version();
    const result = await new ReportPartHandler(kit.runner).execute(
      ReportPartCommand.create({
        user: people.coHandler,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        content: '已协调施工队。',
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'in_progress', version: before + 1 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.part-reported']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses the lead reporting a co-handler’s part, saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress', { coHandler: true }));
    const before = kit.version();
    const e = await refusal(
      new ReportPartHandler(kit.runner).execute(
        ReportPartCommand.create({
          user: people.lead,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          content: '替协办单位填写',
        }),
      ),
    );
    expect(e.code).toBe('forbidden');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
