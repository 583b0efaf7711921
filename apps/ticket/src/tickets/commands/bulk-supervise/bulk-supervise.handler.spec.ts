import pino from 'pino';
import { handlerSpecKit, OTHER_ID, people, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { SuperviseTicketHandler } from '../supervise-ticket/supervise-ticket.handler';
import { BulkSuperviseCommand } from './bulk-supervise.command';
import { BulkSuperviseHandler } from './bulk-supervise.handler';

describe('BulkSuperviseHandler', () => {
  it('supervises each open ticket on its own; a closed one is reported refused, the others done', async () => {
    const kit = handlerSpecKit(
      ticketIn('in_progress'),
      ticketIn('closed', { id: OTHER_ID, number: 'CS-2026-000002' }),
    );
    const handler = new BulkSuperviseHandler(
      new SuperviseTicketHandler(kit.runner),
      pino({ level: 'silent' }),
    );
    const items = [TICKET_ID, OTHER_ID].map((ticketId) => ({
      ticketId,
      expectedVersion: kit.tickets.get(ticketId)!.version,
    }));
    const result = await handler.execute(
      BulkSuperviseCommand.create({ user: people.committee, level: 'urge', note: '请加快办理', items }),
    );
    expect(result.results.map((r) => [r.ticketId, r.ok, r.problem?.status ?? null])).toEqual([
      [TICKET_ID, true, null],
      [OTHER_ID, false, 409],
    ]);
    expect(kit.tickets.saved.map((c) => [c.payload.ticketId, c.eventType])).toEqual([
      [TICKET_ID, 'ticket.supervised'],
    ]);
    // A department is not the committee: every item says so.
    const refused = await handler.execute(
      BulkSuperviseCommand.create({ user: people.lead, level: 'urge', note: 'n', items: items.slice(0, 1) }),
    );
    expect(refused.results[0]).toMatchObject({ ok: false, problem: { status: 403 } });
  });
});
