import { handlerSpecKit, OTHER_ID, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { LinkTicketsCommand } from './link-tickets.command';
import { LinkTicketsHandler } from './link-tickets.handler';

const THIRD_ID = '0190f1f0-0000-7000-8000-0000000000a3';

const setup = () => {
  const kit = handlerSpecKit(
    ticketIn('in_progress'),
    ticketIn('closed', { id: OTHER_ID, number: 'CS-2026-000002', enterpriseId: 'ent-2' }),
    ticketIn('assigned', { id: THIRD_ID, number: 'CS-2026-000003', enterpriseId: 'ent-3' }),
  );
  return { ...kit, handler: new LinkTicketsHandler(kit.uow, kit.tickets) };
};
const link = (
  k: ReturnType<typeof setup>,
  relatedTicketIds: string[],
  over: Partial<{ user: typeof people.committee; expectedVersion: number; ticketId: string }> = {},
) =>
  k.handler.execute(
    LinkTicketsCommand.create({
      user: people.committee,
      ticketId: TICKET_ID,
      expectedVersion: k.version(),
      relatedTicketIds,
      reason: '同一处爆管',
      ...over,
    }),
  );

describe('LinkTicketsHandler', () => {
  it('links every ticket of the group to the others, in one unit of work, whatever their status', async () => {
    const k = setup();
    const result = await link(k, [OTHER_ID, THIRD_ID]);
    expect(result).toMatchObject({ id: TICKET_ID, status: 'in_progress' });
    expect(k.tickets.saved.map((c) => [c.payload.ticketId, c.eventType])).toEqual([
      [TICKET_ID, 'ticket.linked'],
      [OTHER_ID, 'ticket.linked'],
      [THIRD_ID, 'ticket.linked'],
    ]);
    expect(k.tickets.get(TICKET_ID)!.relatedTicketIds).toEqual([OTHER_ID, THIRD_ID]);
    expect(k.tickets.get(OTHER_ID)!.relatedTicketIds).toEqual([TICKET_ID, THIRD_ID]);
    expect(k.tickets.get(THIRD_ID)!.relatedTicketIds).toEqual([TICKET_ID, OTHER_ID]);
    expect(k.uow.transactions).toBe(1);
  });

  it('records only what is new to each ticket; nothing new for the ticket asked about is 409', async () => {
    const k = setup();
    await link(k, [OTHER_ID]);
    await link(k, [OTHER_ID, THIRD_ID]);
    expect(k.tickets.saved.slice(2).map((c) => [c.payload.ticketId, c.payload])).toEqual([
      [TICKET_ID, expect.objectContaining({ relatedTicketIds: [THIRD_ID] })],
      [OTHER_ID, expect.objectContaining({ relatedTicketIds: [THIRD_ID] })],
      [THIRD_ID, expect.objectContaining({ relatedTicketIds: [TICKET_ID, OTHER_ID] })],
    ]);
    const e = await refusal(link(k, [THIRD_ID]));
    expect(e.code).toBe('conflict');
    expect(k.tickets.saved).toHaveLength(5);
  });

  it('refuses unknown tickets and the ticket itself (400 naming ticketIds), others than the committee, and a stale version; nothing saved', async () => {
    const k = setup();
    const unknown = await refusal(link(k, ['0190f1f0-0000-7000-8000-0000000000ff']));
    expect(unknown.details.errors).toEqual([
      { field: 'ticketIds', messages: [expect.stringContaining('0000ff')] },
    ]);
    expect((await refusal(link(k, [TICKET_ID]))).details.errors).toEqual([
      { field: 'ticketIds', messages: [expect.any(String)] },
    ]);
    expect((await refusal(link(k, [OTHER_ID], { user: people.lead }))).code).toBe('forbidden');
    expect((await refusal(link(k, [OTHER_ID], { user: people.otherDepartment }))).code).toBe('notFound');
    expect((await refusal(link(k, [OTHER_ID], { expectedVersion: 1 }))).code).toBe('versionConflict');
    expect(k.tickets.saved).toEqual([]);
  });
});
