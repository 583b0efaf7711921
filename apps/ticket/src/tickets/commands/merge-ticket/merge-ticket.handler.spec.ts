import { handlerSpecKit, OTHER_ID, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { ReplyTicketCommand } from '../reply-ticket/reply-ticket.command';
import { ReplyTicketHandler } from '../reply-ticket/reply-ticket.handler';
import { MergeTicketCommand } from './merge-ticket.command';
import { MergeTicketHandler } from './merge-ticket.handler';

/** The main ticket is TICKET_ID (enterprise 1, in progress at dep-lead); the duplicate OTHER_ID (enterprise 2). */
const setup = (duplicateStatus: Parameters<typeof ticketIn>[0] = 'assigned') => {
  const kit = handlerSpecKit(
    ticketIn('in_progress'),
    ticketIn(duplicateStatus, { id: OTHER_ID, number: 'CS-2026-000002', enterpriseId: 'ent-2' }),
  );
  return { ...kit, handler: new MergeTicketHandler(kit.uow, kit.tickets) };
};
const merge = (
  k: ReturnType<typeof setup>,
  over: Partial<{ mainTicketId: string; user: typeof people.committee }> = {},
) =>
  k.handler.execute(
    MergeTicketCommand.create({
      user: people.committee,
      ticketId: OTHER_ID,
      expectedVersion: k.tickets.get(OTHER_ID)!.version,
      mainTicketId: TICKET_ID,
      reason: '同一处爆管',
      ...over,
    }),
  );

describe('MergeTicketHandler', () => {
  it('merges the duplicate into the main ticket in one unit of work: ticket.merged on it, ticket.duplicate-attached on the main one', async () => {
    const k = setup();
    const result = await merge(k);
    expect(result).toMatchObject({ id: OTHER_ID, status: 'in_progress' });
    expect(k.tickets.saved.map((c) => [c.payload.ticketId, c.eventType])).toEqual([
      [OTHER_ID, 'ticket.merged'],
      [TICKET_ID, 'ticket.duplicate-attached'],
    ]);
    expect(k.tickets.get(OTHER_ID)).toMatchObject({ followsMain: true, mergedInto: { ticketId: TICKET_ID } });
    expect(k.tickets.get(TICKET_ID)!.duplicates).toEqual([
      { ticketId: OTHER_ID, number: 'CS-2026-000002', enterpriseId: 'ent-2' },
    ]);
    expect(k.uow.transactions).toBe(1);
  });

  it('then a reply on the main ticket reaches the duplicate in the same unit of work', async () => {
    const k = setup();
    await merge(k);
    await new ReplyTicketHandler(k.runner).execute(
      ReplyTicketCommand.create({
        user: people.lead,
        ticketId: TICKET_ID,
        expectedVersion: k.version(),
        message: '抢修完成，已恢复供水',
      }),
    );
    expect(k.tickets.saved.slice(2).map((c) => [c.payload.ticketId, c.eventType, c.reasonCode])).toEqual([
      [TICKET_ID, 'ticket.replied', null],
      [OTHER_ID, 'ticket.replied', 'followed.main'],
    ]);
    expect(k.tickets.get(OTHER_ID)!.repliedThisRound).toBe(true);
  });

  it('nobody but the committee merges (a department that cannot see it: 404); into an unknown ticket or itself is 400; a stale version is 409; nothing is saved', async () => {
    const k = setup();
    expect((await refusal(merge(k, { user: people.otherDepartment }))).code).toBe('notFound');
    const unknown = await refusal(merge(k, { mainTicketId: '0190f1f0-0000-7000-8000-0000000000ff' }));
    expect(unknown.details.errors).toEqual([{ field: 'mainTicketId', messages: [expect.any(String)] }]);
    expect((await refusal(merge(k, { mainTicketId: OTHER_ID }))).code).toBe('validation');
    const stale = await refusal(
      k.handler.execute(
        MergeTicketCommand.create({
          user: people.committee,
          ticketId: OTHER_ID,
          expectedVersion: 1,
          mainTicketId: TICKET_ID,
          reason: 'x',
        }),
      ),
    );
    expect(stale.code).toBe('versionConflict');
    expect(k.tickets.saved).toEqual([]);
  });

  it('a department of the duplicate may see it but not merge it (403)', async () => {
    const k = setup();
    const e = await refusal(
      k.handler.execute(
        MergeTicketCommand.create({
          user: people.lead,
          ticketId: OTHER_ID,
          expectedVersion: k.tickets.get(OTHER_ID)!.version,
          mainTicketId: TICKET_ID,
          reason: 'x',
        }),
      ),
    );
    expect(e.code).toBe('forbidden');
  });
});
