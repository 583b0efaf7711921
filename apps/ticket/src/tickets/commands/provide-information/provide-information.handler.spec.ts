import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { InMemoryAttachmentRepository } from '../../../attachments/infrastructure/attachment.in-memory-repository';
import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { ProvideInformationCommand } from './provide-information.command';
import { ProvideInformationHandler } from './provide-information.handler';

const FILE = '0190f1f0-0000-7000-8000-0000000000f3';

async function kitWithQuestion() {
  const ticket = ticketIn('in_progress');
  ticket.requestInformation(
    { id: people.lead.id, role: 'department' },
    { requestId: REQUEST, question: '合同?' },
    new Date(),
  );
  const kit = handlerSpecKit(ticket);
  const files = new InMemoryAttachmentRepository();
  await files.add({
    id: FILE,
    sha256: 'c'.repeat(64),
    size: 10,
    contentType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    fileName: '租赁合同.docx',
    uploadedById: people.enterprise.id,
    uploadedByRole: 'enterprise',
    ticketId: null,
    internal: false,
    createdAt: new Date(),
  });
  return { ...kit, files, handler: new ProvideInformationHandler(kit.runner, new AttachmentBinder(files)) };
}
const REQUEST = '0190f1f0-0000-7000-8000-0000000000c1';

describe('ProvideInformationHandler', () => {
  it('the enterprise answers with text and its file, without a version: ticket.information-provided, the question closed', async () => {
    const k = await kitWithQuestion();
    await k.handler.execute(
      ProvideInformationCommand.create({
        user: people.enterprise,
        ticketId: TICKET_ID,
        expectedVersion: null,
        requestId: REQUEST,
        answer: '合同见附件',
        attachmentIds: [FILE],
      }),
    );
    expect(k.tickets.eventTypes()).toEqual(['ticket.information-provided']);
    expect(k.tickets.saved[0].payload).toMatchObject({
      requestId: REQUEST,
      answer: '合同见附件',
      attachments: [expect.objectContaining({ id: FILE, fileName: '租赁合同.docx' })],
    });
    expect(k.tickets.get(TICKET_ID)!.openInformationRequest).toBeNull();
    expect(k.files.rows.get(FILE)).toMatchObject({ ticketId: TICKET_ID, internal: false });
  });

  it('a department may not answer for the enterprise (403); a wrong request id is 400 naming the open one; nothing is saved', async () => {
    const k = await kitWithQuestion();
    const base = { ticketId: TICKET_ID, expectedVersion: null, answer: 'x', attachmentIds: [FILE] };
    expect(
      (
        await refusal(
          k.handler.execute(
            ProvideInformationCommand.create({ ...base, user: people.lead, requestId: REQUEST }),
          ),
        )
      ).code,
    ).toBe('forbidden');
    const e = await refusal(
      k.handler.execute(
        ProvideInformationCommand.create({
          ...base,
          user: people.enterprise,
          requestId: '0190f1f0-0000-7000-8000-0000000000c9',
        }),
      ),
    );
    expect(e.details.errors).toEqual([{ field: 'requestId', messages: [expect.stringContaining(REQUEST)] }]);
    expect(k.tickets.saved).toEqual([]);
  });

  it('a stale version, when given, is still a conflict', async () => {
    const k = await kitWithQuestion();
    const e = await refusal(
      k.handler.execute(
        ProvideInformationCommand.create({
          user: people.enterprise,
          ticketId: TICKET_ID,
          expectedVersion: 1,
          requestId: REQUEST,
          answer: 'x',
          attachmentIds: [],
        }),
      ),
    );
    expect(e.code).toBe('versionConflict');
  });
});
