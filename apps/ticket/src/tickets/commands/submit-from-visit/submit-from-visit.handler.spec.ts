import { InlineUnitOfWork } from '@ticketing/testing';
import pino from 'pino';
import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { InMemoryAttachmentRepository } from '../../../attachments/infrastructure/attachment.in-memory-repository';
import { InMemoryCategoryCatalog } from '../../../categories/infrastructure/category-catalog.in-memory-repository';
import { InMemoryEnterpriseDirectory } from '../../../directory/infrastructure/enterprise-directory.in-memory-repository';
import { InMemoryTicketRepository } from '../../infrastructure/ticket.in-memory-repository';
import { InMemoryTicketNumbers } from '../../infrastructure/ticket-support.in-memory-repository';
import { refusal } from '../handler-spec.fixture';
import { SubmitFromVisitCommand, VisitInstructor, VisitProblem } from './submit-from-visit.command';
import { SubmitFromVisitHandler } from './submit-from-visit.handler';

const VISIT = '0190f1f0-0000-7000-8000-0000000000b1';
const PHOTO = {
  id: '0190f1f0-0000-7000-8000-0000000000c1',
  fileName: '现场.jpg',
  contentType: 'image/jpeg',
  size: 2048,
  sha256: 'a'.repeat(64),
};

async function kit() {
  const uow = new InlineUnitOfWork();
  const tickets = new InMemoryTicketRepository();
  const numbers = new InMemoryTicketNumbers();
  const directory = new InMemoryEnterpriseDirectory();
  const files = new InMemoryAttachmentRepository();
  const asOf = new Date('2026-01-01T00:00:00Z');
  await directory.upsertEnterprise({ id: 'ent-1', name: '六枝机械厂', gridId: 'grid-1', active: true }, asOf);
  await directory.upsertEnterprise({ id: 'ent-2', name: '别的网格', gridId: 'grid-2', active: true }, asOf);
  await directory.upsertEnterprise({ id: 'ent-9', name: '已注销', gridId: 'grid-1', active: false }, asOf);
  const handler = new SubmitFromVisitHandler(
    uow,
    tickets,
    numbers,
    directory,
    new InMemoryCategoryCatalog(),
    new AttachmentBinder(files),
    pino({ level: 'silent' }),
  );
  return { uow, tickets, files, handler };
}

const problem = (index: number, over: Partial<VisitProblem> = {}) =>
  VisitProblem.of({
    index,
    title: ` 问题 ${index} `,
    description: '走访中企业反映的问题。',
    category: 'labour',
    urgency: 'normal',
    contactName: '王经理',
    contactPhone: '13800138000',
    location: null,
    photos: [],
    ...over,
  });

const command = (over: Partial<SubmitFromVisitCommand> = {}) =>
  SubmitFromVisitCommand.create({
    visitId: VISIT,
    enterpriseId: 'ent-1',
    instructor: VisitInstructor.of({ id: 'u-ins', name: '指导员甲', gridIds: ['grid-1'] }),
    problems: [
      problem(0, { photos: [PHOTO] }),
      problem(1, { category: 'retired-category', photos: [PHOTO] }),
    ],
    causedBy: 'outreach.visit-recorded#e1',
    ...over,
  });

describe('SubmitFromVisitHandler', () => {
  it('submits one ticket per problem, by the instructor, channel visit, naming the visit and the problem', async () => {
    const k = await kit();
    const ids = await k.handler.execute(command());
    expect(ids).toHaveLength(2);
    expect(k.uow.transactions).toBe(1);
    expect(k.tickets.eventTypes()).toEqual(['ticket.submitted', 'ticket.submitted']);
    const [first, second] = k.tickets.saved;
    expect(first.actor).toEqual({ id: 'u-ins', role: 'instructor' });
    expect(first.payload).toMatchObject({
      ticketId: ids[0],
      enterpriseId: 'ent-1',
      enterpriseName: '六枝机械厂',
      gridId: 'grid-1',
      title: '问题 0',
      channel: 'visit',
      visitId: VISIT,
      visitProblemIndex: 0,
      submittedBy: { id: 'u-ins', role: 'instructor' },
    });
    expect(second.payload).toMatchObject({ visitProblemIndex: 1, category: 'other' });
    expect(k.tickets.get(ids[1])).toMatchObject({ channel: 'visit', visitId: VISIT, status: 'submitted' });
  });

  it('the photo becomes an attachment of each ticket it goes with, under a row of the ticket’s own', async () => {
    const k = await kit();
    const ids = await k.handler.execute(command());
    const rows = [...k.files.rows.values()];
    expect(rows.map((r) => r.ticketId).sort()).toEqual([...ids].sort());
    expect(new Set(rows.map((r) => r.id)).size).toBe(2);
    expect(rows.every((r) => r.sha256 === PHOTO.sha256 && r.uploadedById === 'u-ins')).toBe(true);
    expect(k.tickets.get(ids[0])!.attachments).toEqual([
      expect.objectContaining({ id: rows.find((r) => r.ticketId === ids[0])!.id, sha256: PHOTO.sha256 }),
    ]);
  });

  it('refuses an enterprise outside the instructor’s grids, and an inactive one, writing nothing', async () => {
    const k = await kit();
    expect((await refusal(k.handler.execute(command({ enterpriseId: 'ent-2' })))).code).toBe('forbidden');
    expect((await refusal(k.handler.execute(command({ enterpriseId: 'ent-9' })))).code).toBe('unprocessable');
    expect((await refusal(k.handler.execute(command({ enterpriseId: 'ent-unknown' })))).code).toBe(
      'unprocessable',
    );
    expect(k.tickets.saved).toHaveLength(0);
  });

  it('checks a problem built from an event as strictly as the form: an empty title is refused by name', () => {
    expect(() => command({ problems: [problem(0, { title: '' })] })).toThrow(
      expect.objectContaining({
        code: 'validation',
        details: { errors: [expect.objectContaining({ field: 'problems.0.title' })] },
      }),
    );
  });
});
