import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryTicketCopies } from '../../infrastructure/ticket-copies.in-memory-repository';
import { RecordTicketFactsCommand, TicketFactInput } from './record-ticket-facts.command';
import { RecordTicketFactsHandler } from './record-ticket-facts.handler';

const VISIT = '0190f1f0-0000-7000-8000-000000000101';
const CLOSED = new Date('2026-03-05T08:00:00Z');

const input = (
  ticketId: string,
  over: Partial<TicketFactInput> & Pick<TicketFactInput, 'status' | 'sourceVersion'>,
) =>
  TicketFactInput.of({
    ticketId,
    number: `CS-2026-${ticketId}`,
    enterpriseId: 'ent-1',
    gridId: 'grid-1',
    leadDepartmentId: null,
    coHandlerDepartmentIds: [],
    ...over,
  });

/** Three tickets, interleaved as a delivered batch: out-of-order versions, outcomes set and reset, a visit, a close. */
const BATCH = [
  input('t-1', { status: 'submitted', visitId: VISIT, visitProblemIndex: 1, sourceVersion: 1 }),
  input('t-2', { status: 'submitted', sourceVersion: 1 }),
  input('t-1', { status: 'assigned', leadDepartmentId: 'dep-1', sourceVersion: 2 }),
  input('t-3', {
    status: 'assigned',
    leadDepartmentId: 'dep-2',
    coHandlerDepartmentIds: ['dep-3'],
    sourceVersion: 2,
  }),
  input('t-1', {
    status: 'resolved',
    leadDepartmentId: 'dep-1',
    outcome: { solved: true, satisfaction: 'satisfied' },
    sourceVersion: 7,
  }),
  input('t-2', { status: 'withdrawn', closedAt: CLOSED, sourceVersion: 3 }),
  // late: older than what t-1 already had in this batch, changes nothing
  input('t-1', { status: 'submitted', outcome: null, sourceVersion: 1 }),
  input('t-3', {
    status: 'closed',
    leadDepartmentId: 'dep-2',
    outcome: { solved: false, satisfaction: 'unsatisfied' },
    closedAt: CLOSED,
    sourceVersion: 6,
  }),
  input('t-1', { status: 'reopened', leadDepartmentId: 'dep-1', outcome: null, sourceVersion: 8 }),
  input('t-3', { status: 'acknowledged', leadDepartmentId: 'dep-2', sourceVersion: 4 }), // late
  input('t-1', { status: 'assigned', leadDepartmentId: 'dep-4', sourceVersion: 9 }),
];

function kit() {
  const copies = new InMemoryTicketCopies();
  return { copies, handler: new RecordTicketFactsHandler(new InlineUnitOfWork(), copies) };
}

describe('RecordTicketFactsHandler', () => {
  it('a delivered batch of several tickets is one write, with the effect of its facts one by one', async () => {
    const batch = kit();
    await batch.handler.execute(RecordTicketFactsCommand.create({ facts: BATCH }));
    expect(batch.copies.writes).toBe(1);

    const single = kit();
    for (const f of BATCH) await single.handler.execute(RecordTicketFactsCommand.create({ facts: [f] }));
    expect(single.copies.writes).toBe(BATCH.length);
    expect(batch.copies.rows).toEqual(single.copies.rows);

    expect(await batch.copies.find('t-1')).toEqual({
      ticketId: 't-1',
      number: 'CS-2026-t-1',
      enterpriseId: 'ent-1',
      gridId: 'grid-1',
      leadDepartmentId: 'dep-4',
      coHandlerDepartmentIds: [],
      status: 'assigned',
      visitId: VISIT,
      visitProblemIndex: 1,
      solved: null, // rated, then reopened: cleared
      satisfaction: null,
      closedAt: null,
      sourceVersion: 9,
    });
    expect(await batch.copies.find('t-2')).toMatchObject({
      status: 'withdrawn',
      closedAt: CLOSED,
      solved: null,
      visitId: null,
      sourceVersion: 3,
    });
    expect(await batch.copies.find('t-3')).toMatchObject({
      status: 'closed',
      leadDepartmentId: 'dep-2',
      coHandlerDepartmentIds: [], // the scope is the newest fact's
      solved: false,
      satisfaction: 'unsatisfied',
      closedAt: CLOSED,
      sourceVersion: 6,
    });
  });

  it('a batch older than the copy changes nothing; a newer one keeps what only older facts said', async () => {
    const k = kit();
    await k.handler.execute(RecordTicketFactsCommand.create({ facts: BATCH }));
    const before = await k.copies.find('t-1');
    await k.handler.execute(
      RecordTicketFactsCommand.create({
        facts: [
          input('t-1', {
            status: 'resolved',
            outcome: { solved: true, satisfaction: 'satisfied' },
            sourceVersion: 5,
          }),
          input('t-1', { status: 'closed', closedAt: CLOSED, sourceVersion: 9 }),
        ],
      }),
    );
    expect(await k.copies.find('t-1')).toBe(before);
    await k.handler.execute(
      RecordTicketFactsCommand.create({
        facts: [
          input('t-1', {
            status: 'resolved',
            outcome: { solved: true, satisfaction: 'satisfied' },
            sourceVersion: 8,
          }),
          input('t-1', { status: 'closed', leadDepartmentId: 'dep-4', sourceVersion: 10 }),
        ],
      }),
    );
    // version 8 is not newer than the copy's 9: its outcome does not count, though version 10 does
    expect(await k.copies.find('t-1')).toEqual({ ...before, status: 'closed', sourceVersion: 10 });
  });

  it('refuses an empty batch, a fact without a version, and a fact not built as one', () => {
    expect(() => RecordTicketFactsCommand.create({ facts: [] })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
    expect(() =>
      RecordTicketFactsCommand.create({ facts: [input('t-1', { status: 'submitted', sourceVersion: 0 })] }),
    ).toThrow(
      expect.objectContaining({
        code: 'validation',
        message: expect.stringContaining('facts.0.sourceVersion'),
      }),
    );
    const plain = { ...input('t-1', { status: 'submitted', sourceVersion: 1 }) };
    expect(() => RecordTicketFactsCommand.create({ facts: [plain] })).toThrow(
      expect.objectContaining({ code: 'validation' }),
    );
  });
});
