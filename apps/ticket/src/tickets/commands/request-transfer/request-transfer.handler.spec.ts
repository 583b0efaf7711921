import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { RequestTransferCommand } from './request-transfer.command';
import { RequestTransferHandler } from './request-transfer.handler';

describe('RequestTransferHandler', () => {
  it('ticket.transfer-requested: in_progress → transfer_requested, recorded as ticket.transfer-requested', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    const before = kit.version();
    const result = await new RequestTransferHandler(kit.runner).execute(
      RequestTransferCommand.create({
        user: people.lead,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        reason: '供水管网归城管局',
      }),
    );
    expect(result).toMatchObject({ id: TICKET_ID, status: 'transfer_requested', version: before + 1 });
    expect(kit.tickets.eventTypes()).toEqual(['ticket.transfer-requested']);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a stale version (someone acted meanwhile), saving nothing', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    const before = kit.version();
    const e = await refusal(
      new RequestTransferHandler(kit.runner).execute(
        RequestTransferCommand.create({
          user: people.lead,
          ticketId: TICKET_ID,
          expectedVersion: kit.version() - 1,
          reason: '供水管网归城管局',
        }),
      ),
    );
    expect(e.code).toBe('versionConflict');
    expect(kit.tickets.saved).toEqual([]);
    expect(kit.version()).toBe(before);
  });
});
