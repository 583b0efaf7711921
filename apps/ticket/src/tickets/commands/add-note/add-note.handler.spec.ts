import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { InMemoryAttachmentRepository } from '../../../attachments/infrastructure/attachment.in-memory-repository';
import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { AddNoteCommand } from './add-note.command';
import { AddNoteHandler } from './add-note.handler';

const FILE = '0190f1f0-0000-7000-8000-0000000000f4';

async function setup() {
  const kit = handlerSpecKit(ticketIn('in_progress', { coHandler: true }));
  const files = new InMemoryAttachmentRepository();
  await files.add({
    id: FILE,
    sha256: 'd'.repeat(64),
    size: 3,
    contentType: 'application/pdf',
    fileName: '内部研判.pdf',
    uploadedById: people.coHandler.id,
    uploadedByRole: 'department',
    ticketId: null,
    internal: false,
    createdAt: new Date(),
  });
  return { ...kit, files, handler: new AddNoteHandler(kit.runner, new AttachmentBinder(files)) };
}
const note = (user: (typeof people)[keyof typeof people], attachmentIds: string[] = []) =>
  AddNoteCommand.create({
    user,
    ticketId: TICKET_ID,
    expectedVersion: null,
    text: '需协调供水公司',
    attachmentIds,
  });

describe('AddNoteHandler', () => {
  it('a co-handler notes with a file, which becomes internal; the committee notes too', async () => {
    const k = await setup();
    await k.handler.execute(note(people.coHandler, [FILE]));
    await k.handler.execute(note(people.committee));
    expect(k.tickets.eventTypes()).toEqual(['ticket.note-added', 'ticket.note-added']);
    expect(k.tickets.saved[0].payload).toMatchObject({ departmentId: 'dep-co', text: '需协调供水公司' });
    expect(k.files.rows.get(FILE)).toMatchObject({ ticketId: TICKET_ID, internal: true });
  });

  it('the enterprise may not note (403); another department cannot see the ticket (404)', async () => {
    const k = await setup();
    expect((await refusal(k.handler.execute(note(people.enterprise)))).code).toBe('forbidden');
    expect((await refusal(k.handler.execute(note(people.otherDepartment)))).code).toBe('notFound');
    expect(k.tickets.saved).toEqual([]);
  });
});
