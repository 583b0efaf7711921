import pino from 'pino';
import { handlerSpecKit, OTHER_ID, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { AcknowledgeTicketHandler } from '../acknowledge-ticket/acknowledge-ticket.handler';
import { BulkAcknowledgeCommand } from './bulk-acknowledge.command';
import { BulkAcknowledgeHandler } from './bulk-acknowledge.handler';

const THIRD_ID = '0190f1f0-0000-7000-8000-0000000000a3';
const setup = () => {
  const kit = handlerSpecKit(
    ticketIn('assigned'),
    ticketIn('assigned', { id: OTHER_ID, number: 'CS-2026-000002' }),
    ticketIn('in_progress', { id: THIRD_ID, number: 'CS-2026-000003' }),
  );
  const errors: unknown[] = [];
  const logger = pino({ level: 'silent' });
  logger.error = ((o: unknown) => errors.push(o)) as never;
  return {
    ...kit,
    errors,
    handler: new BulkAcknowledgeHandler(new AcknowledgeTicketHandler(kit.runner), logger),
  };
};
const v = (k: ReturnType<typeof setup>, id: string) => k.tickets.get(id)!.version;

describe('BulkAcknowledgeHandler', () => {
  it('acknowledges each ticket in its own unit of work and reports each one: done, stale, illegal, unknown', async () => {
    const k = setup();
    const result = await k.handler.execute(
      BulkAcknowledgeCommand.create({
        user: people.lead,
        note: '已签收',
        items: [
          { ticketId: TICKET_ID, expectedVersion: v(k, TICKET_ID) },
          { ticketId: OTHER_ID, expectedVersion: 1 },
          { ticketId: THIRD_ID, expectedVersion: v(k, THIRD_ID) },
          { ticketId: '0190f1f0-0000-7000-8000-0000000000ff', expectedVersion: 1 },
        ],
      }),
    );
    expect(result).toMatchObject({ succeeded: 1, failed: 3 });
    expect(result.results.map((r) => [r.ticketId, r.ok, r.status ?? r.problem?.status])).toEqual([
      [TICKET_ID, true, 'in_progress'],
      [OTHER_ID, false, 409],
      [THIRD_ID, false, 409],
      ['0190f1f0-0000-7000-8000-0000000000ff', false, 404],
    ]);
    expect(result.results[1].problem).toMatchObject({ type: 'urn:chuishao:problem:versionConflict' });
    expect(result.results[2].problem).toMatchObject({ type: 'urn:chuishao:problem:illegalTransition' });
    expect(k.tickets.eventTypes()).toEqual(['ticket.acknowledged']);
    expect(k.uow.transactions).toBe(4);
    expect(k.errors).toEqual([]);
  });

  it('a department that does not lead a ticket gets that ticket’s own answer (404 or 403); a ticket named twice refuses the whole request', async () => {
    const k = setup();
    const result = await k.handler.execute(
      BulkAcknowledgeCommand.create({
        user: people.coHandler,
        note: null,
        items: [{ ticketId: TICKET_ID, expectedVersion: v(k, TICKET_ID) }],
      }),
    );
    expect(result.results[0]).toMatchObject({ ok: false, problem: { status: 404 } });
    const twice = await refusal(
      k.handler.execute(
        BulkAcknowledgeCommand.create({
          user: people.lead,
          note: null,
          items: [
            { ticketId: TICKET_ID, expectedVersion: v(k, TICKET_ID) },
            { ticketId: TICKET_ID, expectedVersion: v(k, TICKET_ID) },
          ],
        }),
      ),
    );
    expect(twice.details.errors).toEqual([{ field: 'items', messages: [expect.any(String)] }]);
    expect(k.tickets.saved).toEqual([]);
    expect(() => BulkAcknowledgeCommand.create({ user: people.lead, note: null, items: [] })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
