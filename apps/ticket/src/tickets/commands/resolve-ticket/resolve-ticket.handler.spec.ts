import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { InMemoryAttachmentRepository } from '../../../attachments/infrastructure/attachment.in-memory-repository';
import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { ResolveTicketCommand } from './resolve-ticket.command';
import { ResolveTicketHandler } from './resolve-ticket.handler';

const upload = (id: string, uploadedById: string) => ({
  id,
  sha256: 'a'.repeat(64),
  size: 10,
  contentType: 'image/png',
  fileName: '现场.png',
  uploadedById,
  uploadedByRole: 'department',
  ticketId: null,
  internal: false,
  createdAt: new Date(),
});
const MINE = '0190f1f0-0000-7000-8000-0000000000f1';
const THEIRS = '0190f1f0-0000-7000-8000-0000000000f2';

describe('ResolveTicketHandler', () => {
  async function kitWithFiles() {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    const files = new InMemoryAttachmentRepository();
    await files.add(upload(MINE, people.lead.id));
    await files.add(upload(THEIRS, people.enterprise.id));
    return { ...kit, files, handler: new ResolveTicketHandler(kit.runner, new AttachmentBinder(files)) };
  }

  it('resolves with the lead’s own evidence, which then belongs to the ticket', async () => {
    const kit = await kitWithFiles();
    const result = await kit.handler.execute(
      ResolveTicketCommand.create({
        user: people.lead,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        result: '已抢修，恢复供水。',
        evidenceAttachmentIds: [MINE],
      }),
    );
    expect(result.status).toBe('resolved');
    expect(kit.tickets.eventTypes()).toEqual(['ticket.resolved']);
    expect(kit.tickets.saved[0].payload).toMatchObject({ evidence: [{ id: MINE, fileName: '现场.png' }] });
    expect((await kit.files.findById(MINE))!.ticketId).toBe(TICKET_ID);
  });

  it('refuses evidence uploaded by someone else, naming the field, and resolves nothing', async () => {
    const kit = await kitWithFiles();
    const e = await refusal(
      kit.handler.execute(
        ResolveTicketCommand.create({
          user: people.lead,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          result: '已处理',
          evidenceAttachmentIds: [THEIRS],
        }),
      ),
    );
    expect(e.details.errors).toEqual([
      { field: 'evidenceAttachmentIds', messages: [expect.stringContaining(THEIRS)] },
    ]);
    expect(kit.tickets.saved).toEqual([]);
    expect((await kit.files.findById(THEIRS))!.ticketId).toBeNull();
  });
});
