import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { TicketFact } from '../../domain/agenda-sources';
import { InMemoryAgendaSources } from '../../infrastructure/agenda-sources.in-memory-repository';
import { RecordTicketFactsCommand, TicketFactItem } from './record-ticket-facts.command';
import { RecordTicketFactsHandler } from './record-ticket-facts.handler';

const base = { enterpriseId: 'ent-1', coHandlerDepartmentIds: [] as string[] };
const item = (props: Omit<TicketFact, 'enterpriseId' | 'coHandlerDepartmentIds'> & Partial<TicketFact>) =>
  TicketFactItem.of({ ...base, ...props });

/** Three tickets' events as a lane delivers them: interleaved, one late, one repeated, one ahead of its submission. */
const batch = [
  item({
    ticketId: 't-1',
    number: 'CS-2026-000001',
    leadDepartmentId: null,
    status: 'submitted',
    sourceVersion: 1,
    title: '厂区门口道路破损',
    enterpriseName: '六枝机械厂',
  }),
  item({
    ticketId: 't-2',
    number: 'CS-2026-000002',
    leadDepartmentId: 'dep-tax',
    status: 'assigned',
    sourceVersion: 2,
  }),
  item({
    ticketId: 't-1',
    number: 'CS-2026-000001',
    leadDepartmentId: 'dep-tr',
    coHandlerDepartmentIds: ['dep-ur'],
    status: 'assigned',
    sourceVersion: 2,
  }),
  // t-2's submission, late: its title is not taken (one by one would have ignored it too)
  item({
    ticketId: 't-2',
    number: 'CS-2026-000002',
    leadDepartmentId: null,
    status: 'submitted',
    sourceVersion: 1,
    title: '增值税留抵退税',
    enterpriseName: '高新电子',
  }),
  item({
    ticketId: 't-3',
    number: 'CS-2026-000003',
    leadDepartmentId: null,
    status: 'submitted',
    sourceVersion: 1,
    title: '招工难',
    enterpriseName: '西区新材料',
  }),
  item({
    ticketId: 't-1',
    number: 'CS-2026-000001',
    leadDepartmentId: 'dep-tr',
    coHandlerDepartmentIds: ['dep-ur'],
    status: 'in_progress',
    sourceVersion: 4,
  }),
  // stale, then repeated
  item({
    ticketId: 't-1',
    number: 'CS-2026-000001',
    leadDepartmentId: 'dep-old',
    status: 'assigned',
    sourceVersion: 3,
  }),
  item({
    ticketId: 't-1',
    number: 'CS-2026-000001',
    leadDepartmentId: 'dep-old',
    status: 'repeated',
    sourceVersion: 4,
  }),
  item({
    ticketId: 't-3',
    number: 'CS-2026-000003',
    leadDepartmentId: 'dep-hr',
    status: 'closed',
    sourceVersion: 5,
  }),
];

describe('RecordTicketFactsHandler', () => {
  it('keeps from a batch of several tickets what their events applied one by one keep', async () => {
    const together = new InMemoryAgendaSources();
    await new RecordTicketFactsHandler(new InlineUnitOfWork(), together).execute(
      RecordTicketFactsCommand.create({ facts: batch }),
    );

    const alone = new InMemoryAgendaSources();
    const h = new RecordTicketFactsHandler(new InlineUnitOfWork(), alone);
    for (const f of batch) await h.execute(RecordTicketFactsCommand.create({ facts: [f] }));

    expect(together.tickets).toEqual(alone.tickets);
    expect([...together.tickets.values()]).toEqual([
      {
        ticketId: 't-1',
        number: 'CS-2026-000001',
        title: '厂区门口道路破损',
        enterpriseId: 'ent-1',
        enterpriseName: '六枝机械厂',
        leadDepartmentId: 'dep-tr',
        coHandlerDepartmentIds: ['dep-ur'],
        status: 'in_progress',
        sourceVersion: 4,
      },
      {
        ticketId: 't-2',
        number: 'CS-2026-000002',
        title: null,
        enterpriseId: 'ent-1',
        enterpriseName: null,
        leadDepartmentId: 'dep-tax',
        coHandlerDepartmentIds: [],
        status: 'assigned',
        sourceVersion: 2,
      },
      {
        ticketId: 't-3',
        number: 'CS-2026-000003',
        title: '招工难',
        enterpriseId: 'ent-1',
        enterpriseName: '西区新材料',
        leadDepartmentId: 'dep-hr',
        coHandlerDepartmentIds: [],
        status: 'closed',
        sourceVersion: 5,
      },
    ]);
  });

  it('applies a batch over the copies already held: a late one rolls nothing back', async () => {
    const sources = new InMemoryAgendaSources();
    const h = new RecordTicketFactsHandler(new InlineUnitOfWork(), sources);
    await h.execute(RecordTicketFactsCommand.create({ facts: batch }));
    await h.execute(
      RecordTicketFactsCommand.create({
        facts: [
          item({
            ticketId: 't-1',
            number: 'CS-2026-000001',
            leadDepartmentId: null,
            status: 'assigned',
            sourceVersion: 2,
          }),
          item({
            ticketId: 't-2',
            number: 'CS-2026-000002',
            leadDepartmentId: 'dep-tax',
            status: 'closed',
            sourceVersion: 7,
          }),
        ],
      }),
    );
    expect(await sources.findTicket('t-1')).toMatchObject({ status: 'in_progress', sourceVersion: 4 });
    expect(await sources.findTicket('t-2')).toMatchObject({
      status: 'closed',
      sourceVersion: 7,
      title: null,
    });
  });

  it('refuses a fact without a version, naming it in the list', () => {
    let error: unknown;
    try {
      RecordTicketFactsCommand.create({
        facts: [
          batch[0],
          item({
            ticketId: 't-1',
            number: 'CS-2026-000001',
            leadDepartmentId: null,
            status: 'submitted',
            sourceVersion: 0,
          }),
        ],
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(DomainError);
    expect((error as DomainError).code).toBe('validation');
    expect((error as DomainError).details.errors).toEqual([
      { field: 'facts.1.sourceVersion', messages: [expect.any(String)] },
    ]);
  });

  it('refuses an empty list, and facts that are not TicketFactItems (whose rules would not run)', () => {
    expect(() => RecordTicketFactsCommand.create({ facts: [] })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
    expect(() => RecordTicketFactsCommand.create({ facts: [{ ...batch[0], sourceVersion: 0 }] })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
