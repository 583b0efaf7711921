import { InlineUnitOfWork } from '@ticketing/testing';
import { AttachmentBinder } from '../../../attachments/domain/attachment-binder';
import { InMemoryAttachmentRepository } from '../../../attachments/infrastructure/attachment.in-memory-repository';
import { InMemoryCategoryCatalog } from '../../../categories/infrastructure/category-catalog.in-memory-repository';
import { InMemoryEnterpriseDirectory } from '../../../directory/infrastructure/enterprise-directory.in-memory-repository';
import { InMemoryRecentTickets } from '../../infrastructure/recent-tickets.in-memory-repository';
import { InMemoryTicketRepository } from '../../infrastructure/ticket.in-memory-repository';
import {
  InMemoryIdempotencyKeys,
  InMemoryTicketNumbers,
} from '../../infrastructure/ticket-support.in-memory-repository';
import { TicketChangedResponseDto } from '../../ticket-changed.response.dto';
import { people, refusal } from '../handler-spec.fixture';
import { SubmitTicketCommand } from './submit-ticket.command';
import { SubmitTicketHandler } from './submit-ticket.handler';

const instructor = { id: 'u-ins', role: 'instructor' as const, name: '指导员', gridIds: ['grid-1'] };

async function kit() {
  const uow = new InlineUnitOfWork();
  const tickets = new InMemoryTicketRepository();
  const numbers = new InMemoryTicketNumbers();
  const keys = new InMemoryIdempotencyKeys<TicketChangedResponseDto>();
  const directory = new InMemoryEnterpriseDirectory();
  const asOf = new Date('2026-01-01T00:00:00Z');
  await directory.upsertEnterprise({ id: 'ent-1', name: '六枝机械厂', gridId: 'grid-1', active: true }, asOf);
  await directory.upsertEnterprise(
    { id: 'ent-9', name: '已注销公司', gridId: 'grid-1', active: false },
    asOf,
  );
  await directory.upsertEnterprise({ id: 'ent-2', name: '别的网格', gridId: 'grid-2', active: true }, asOf);
  const handler = new SubmitTicketHandler(
    uow,
    tickets,
    numbers,
    keys,
    directory,
    new InMemoryCategoryCatalog(),
    new AttachmentBinder(new InMemoryAttachmentRepository()),
    new InMemoryRecentTickets(tickets),
  );
  return { uow, tickets, numbers, handler };
}

const submission = {
  user: people.enterprise,
  title: '  厂区停水三天  ',
  description: '二号门水管破裂。',
  category: 'utilities',
  contact: { name: '张三', phone: '13800138000' },
  idempotencyKey: null,
};

describe('SubmitTicketHandler', () => {
  it('files the enterprise’s whistle with the next number of the year: ticket.submitted, in one unit of work', async () => {
    const k = await kit();
    const first = await k.handler.execute(SubmitTicketCommand.create(submission));
    const second = await k.handler.execute(
      SubmitTicketCommand.create({ ...submission, title: '招工难', description: '缺少熟练焊工二十名。' }),
    );
    expect(first.status).toBe('submitted');
    expect([first.number, second.number]).toEqual([
      expect.stringMatching(/^CS-\d{4}-000001$/),
      expect.stringMatching(/^CS-\d{4}-000002$/),
    ]);
    expect(k.tickets.eventTypes()).toEqual(['ticket.submitted', 'ticket.submitted']);
    expect(k.tickets.saved[0].payload).toMatchObject({ title: '厂区停水三天', enterpriseName: '六枝机械厂' });
    expect(k.uow.transactions).toBe(2);
  });

  it('answers a replay of the same key with the first ticket; the same key on another request is 422', async () => {
    const k = await kit();
    const keyed = { ...submission, idempotencyKey: 'form-1' };
    const first = await k.handler.execute(SubmitTicketCommand.create(keyed));
    expect(await k.handler.execute(SubmitTicketCommand.create(keyed))).toEqual(first);
    const e = await refusal(k.handler.execute(SubmitTicketCommand.create({ ...keyed, title: '另一个问题' })));
    expect(e.code).toBe('unprocessable');
    expect(k.tickets.saved).toHaveLength(1);
  });

  it('an instructor files for an enterprise of their grid, never another grid’s, and never an inactive one', async () => {
    const k = await kit();
    const ok = await k.handler.execute(
      SubmitTicketCommand.create({ ...submission, user: instructor, enterpriseId: 'ent-1' }),
    );
    expect(ok.status).toBe('submitted');
    expect(
      (
        await refusal(
          k.handler.execute(
            SubmitTicketCommand.create({ ...submission, user: instructor, enterpriseId: 'ent-2' }),
          ),
        )
      ).code,
    ).toBe('forbidden');
    expect(
      (
        await refusal(
          k.handler.execute(
            SubmitTicketCommand.create({ ...submission, user: instructor, enterpriseId: 'ent-9' }),
          ),
        )
      ).code,
    ).toBe('unprocessable');
    // The refused submissions saved nothing. The numbers they took go back with their unit of
    // work's rollback, which this inline one does not do: PostgreSQL's (ticket-input.int-spec) does.
    expect(k.tickets.saved).toHaveLength(1);
  });

  it('refuses an unknown category, naming the field', async () => {
    const k = await kit();
    const e = await refusal(
      k.handler.execute(SubmitTicketCommand.create({ ...submission, category: 'weather' })),
    );
    expect(e.details.errors).toEqual([{ field: 'category', messages: [expect.stringContaining('weather')] }]);
  });

  it('asks before filing a likely duplicate of the enterprise’s open ticket (409 listing it), and files it once confirmed', async () => {
    const k = await kit();
    const first = await k.handler.execute(SubmitTicketCommand.create(submission));
    const e = await refusal(
      k.handler.execute(
        SubmitTicketCommand.create({
          ...submission,
          title: '厂区停水',
          description: '二号门水管破裂，停水了',
        }),
      ),
    );
    expect(e.code).toBe('possibleDuplicate');
    expect(e.details).toMatchObject({
      errors: [{ field: 'confirmNotDuplicate', messages: [expect.any(String)] }],
      candidates: [{ id: first.id, number: first.number, likelyDuplicate: true }],
    });
    expect(k.tickets.saved).toHaveLength(1);
    const confirmed = await k.handler.execute(
      SubmitTicketCommand.create({ ...submission, confirmNotDuplicate: true }),
    );
    // -000002 on PostgreSQL, where the refused one's number went back; this inline unit of work keeps it.
    expect(confirmed.number).toMatch(/-000003$/);
    // Another enterprise's ticket, however alike, is never a duplicate of this one's.
    const other = await k.handler.execute(
      SubmitTicketCommand.create({
        ...submission,
        user: instructor,
        enterpriseId: 'ent-1',
        confirmNotDuplicate: true,
      }),
    );
    expect(other.status).toBe('submitted');
  });

  it('a replay of a key after the confirmation answers the same ticket, confirmed or not', async () => {
    const k = await kit();
    await k.handler.execute(SubmitTicketCommand.create(submission));
    const keyed = { ...submission, idempotencyKey: 'form-2', confirmNotDuplicate: true };
    const filed = await k.handler.execute(SubmitTicketCommand.create(keyed));
    expect(
      await k.handler.execute(SubmitTicketCommand.create({ ...keyed, confirmNotDuplicate: undefined })),
    ).toEqual(filed);
    expect(k.tickets.saved).toHaveLength(2);
  });

  it('committee staff log what an enterprise brought by phone (channel recorded); without a channel, or a channel from anyone else, is 400 naming it', async () => {
    const k = await kit();
    const logged = await k.handler.execute(
      SubmitTicketCommand.create({
        ...submission,
        user: people.committee,
        enterpriseId: 'ent-2',
        channel: 'phone',
      }),
    );
    expect(logged.status).toBe('submitted');
    expect(k.tickets.saved[0].payload).toMatchObject({
      enterpriseId: 'ent-2',
      channel: 'phone',
      submittedBy: { id: people.committee.id, role: 'committee' },
    });
    for (const c of [
      { ...submission, user: people.committee, enterpriseId: 'ent-2' },
      { ...submission, channel: 'letter' as const },
    ]) {
      const e = await refusal(
        k.handler.execute(SubmitTicketCommand.create({ ...c, confirmNotDuplicate: true })),
      );
      expect(e.details.errors).toEqual([{ field: 'channel', messages: [expect.any(String)] }]);
    }
    expect(
      (
        await refusal(
          k.handler.execute(
            SubmitTicketCommand.create({ ...submission, user: people.committee, channel: 'phone' }),
          ),
        )
      ).details.errors,
    ).toEqual([{ field: 'enterpriseId', messages: [expect.any(String)] }]);
    expect(k.tickets.saved).toHaveLength(1);
  });
});
