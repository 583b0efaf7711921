import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { InMemoryAttachmentRepository } from '../../../attachments/infrastructure/attachment.in-memory-repository';
import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { PostMessageCommand } from './post-message.command';
import { PostMessageHandler } from './post-message.handler';

const setup = (status: Parameters<typeof ticketIn>[0] = 'in_progress') => {
  const kit = handlerSpecKit(ticketIn(status, { coHandler: status !== 'closed' }));
  return {
    ...kit,
    handler: new PostMessageHandler(kit.runner, new AttachmentBinder(new InMemoryAttachmentRepository())),
  };
};
const message = (user: (typeof people)[keyof typeof people], text = '请问进展如何？') =>
  PostMessageCommand.create({ user, ticketId: TICKET_ID, expectedVersion: null, text, attachmentIds: [] });

describe('PostMessageHandler', () => {
  it('every party writes on the ticket, each message saying who wrote it', async () => {
    const k = setup();
    for (const who of [people.enterprise, people.lead, people.coHandler, people.committee])
      await k.handler.execute(message(who));
    expect(k.tickets.eventTypes()).toEqual(Array(4).fill('ticket.message-posted'));
    expect(
      k.tickets.saved
        .map((c) => c.payload)
        .map((p) => ['author' in p && p.author, 'departmentId' in p && p.departmentId]),
    ).toEqual([
      ['enterprise', null],
      ['department', 'dep-lead'],
      ['department', 'dep-co'],
      ['committee', null],
    ]);
  });

  it('another enterprise and an uninvolved department cannot see the ticket (404); a closed ticket takes no message', async () => {
    const k = setup();
    expect((await refusal(k.handler.execute(message(people.otherEnterprise)))).code).toBe('notFound');
    expect((await refusal(k.handler.execute(message(people.otherDepartment)))).code).toBe('notFound');
    const closed = setup('closed');
    expect((await refusal(closed.handler.execute(message(people.enterprise)))).code).toBe(
      'illegalTransition',
    );
    expect([...k.tickets.saved, ...closed.tickets.saved]).toEqual([]);
  });
});
