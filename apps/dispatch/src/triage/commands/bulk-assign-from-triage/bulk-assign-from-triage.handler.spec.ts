import { DomainError } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import pino from 'pino';
import { InMemoryDepartmentRepository } from '../../../departments/infrastructure/department.in-memory-repository';
import {
  aRoutedTicket,
  InMemoryRoutedTicketRepository,
} from '../../../tickets/infrastructure/routed-ticket.in-memory-repository';
import { RoutedTicketRecord } from '../../../tickets/domain/routed-ticket.aggregate';
import { AssignFromTriageHandler } from '../assign-from-triage/assign-from-triage.handler';
import { BulkAssignFromTriageCommand } from './bulk-assign-from-triage.command';
import { BulkAssignFromTriageHandler } from './bulk-assign-from-triage.handler';

const DESK = { id: 'desk', role: 'committee' as const };
const A = '0190f1f0-0000-7000-8000-0000000000a1';
const B = '0190f1f0-0000-7000-8000-0000000000b2';
const C = '0190f1f0-0000-7000-8000-0000000000c3';
const GHOST = '0190f1f0-0000-7000-8000-0000000000ff';

const waiting = (ticketId: string, number: string, over: Partial<RoutedTicketRecord> = {}) =>
  aRoutedTicket({
    ticketId,
    number,
    status: 'triage',
    category: 'other',
    leadDepartmentId: null,
    coHandlerDepartmentIds: [],
    firstHandlerDepartmentId: null,
    decidedVia: null,
    ruleId: null,
    ruleVersion: null,
    explanation: '没有适用「其他」的规则，转综合党委人工分派',
    decidedAt: null,
    decidedBy: null,
    ...over,
  });

describe('BulkAssignFromTriageHandler', () => {
  let uow: InlineUnitOfWork;
  let tickets: InMemoryRoutedTicketRepository;
  let handler: BulkAssignFromTriageHandler;
  let errors: unknown[];

  beforeEach(() => {
    uow = new InlineUnitOfWork();
    tickets = new InMemoryRoutedTicketRepository().given(
      waiting(A, 'CS-2026-000001'),
      // Routed by a rule meanwhile: no longer the desk's to assign.
      aRoutedTicket({ ticketId: B, number: 'CS-2026-000002' }),
      waiting(C, 'CS-2026-000003'),
    );
    const departments = new InMemoryDepartmentRepository().given('econ_dev', 'treasury');
    const logger = pino({ level: 'silent' });
    errors = [];
    logger.error = ((o: unknown) => errors.push(o)) as never;
    handler = new BulkAssignFromTriageHandler(
      new AssignFromTriageHandler(uow, tickets, departments),
      departments,
      logger,
    );
  });

  const command = (over: Partial<BulkAssignFromTriageCommand> = {}) =>
    BulkAssignFromTriageCommand.create({
      ticketIds: [A, B, GHOST, C],
      leadDepartmentId: 'econ_dev',
      coHandlerDepartmentIds: ['treasury'],
      note: ' 园区经营事项，由经发局牵头 ',
      actor: DESK,
      ...over,
    });

  it('assigns each ticket in its own unit of work and reports each one: assigned, not in triage, unknown', async () => {
    const result = await handler.execute(command());
    expect(result).toMatchObject({ succeeded: 2, failed: 2 });
    expect(result.results.map((r) => [r.ticketId, r.ok, r.status ?? r.problem?.status])).toEqual([
      [A, true, 'decided'],
      [B, false, 409],
      [GHOST, false, 404],
      [C, true, 'decided'],
    ]);
    expect(result.results[0]).toEqual({
      ticketId: A,
      ok: true,
      number: 'CS-2026-000001',
      status: 'decided',
      leadDepartmentId: 'econ_dev',
      coHandlerDepartmentIds: ['treasury'],
    });
    // What the ticket alone would have been answered: its code, its state, its message.
    expect(result.results[1].problem).toMatchObject({
      type: 'urn:chuishao:problem:conflict',
      state: 'decided',
      detail: 'ticket CS-2026-000002 is not waiting in triage: it is decided (by a rule)',
    });
    expect(result.results[2].problem).toMatchObject({ type: 'urn:chuishao:problem:notFound' });
    // One dispatch.decided per assigned ticket, each with the trimmed note, nothing for the others.
    expect(tickets.events.map((e) => [e.aggregateId, e.type, e.payload])).toEqual(
      [A, C].map((id) => [
        id,
        'dispatch.decided',
        {
          ticketId: id,
          leadDepartmentId: 'econ_dev',
          coHandlerDepartmentIds: ['treasury'],
          via: 'manual',
          ruleId: null,
          ruleVersion: null,
          explanation: '园区经营事项，由经发局牵头',
        },
      ]),
    );
    expect(tickets.rows.get(B)).toMatchObject({ status: 'decided', decidedVia: 'rule', eventsEmitted: 1 });
    expect(uow.transactions).toBe(4);
    expect(errors).toEqual([]);
  });

  it('a second bulk over the same tickets refuses each one as already decided (manually)', async () => {
    await handler.execute(command({ ticketIds: [A, C] }));
    const again = await handler.execute(command({ ticketIds: [C, A] }));
    expect(again).toMatchObject({ succeeded: 0, failed: 2 });
    expect(again.results.map((r) => [r.ticketId, r.problem?.state])).toEqual([
      [C, 'decided'],
      [A, 'decided'],
    ]);
    expect(tickets.events).toHaveLength(2);
  });

  it('refuses the whole request before any ticket when no ticket could take the decision', async () => {
    const error = (await handler
      .execute(
        command({ leadDepartmentId: 'nope', coHandlerDepartmentIds: ['econ_dev', 'gone'], note: '  ' }),
      )
      .catch((e) => e)) as DomainError;
    expect(error.code).toBe('validation');
    expect((error.details.errors as { field: string }[]).map((e) => e.field)).toEqual([
      'leadDepartmentId',
      'coHandlerDepartmentIds',
      'note',
    ]);
    expect(uow.transactions).toBe(0);
    expect(tickets.events).toEqual([]);
  });

  it('logs an unexpected failure of one ticket and still assigns the others', async () => {
    const lockById = tickets.lockById.bind(tickets);
    tickets.lockById = async (id: string) => {
      if (id === A) throw new Error('connection reset');
      return lockById(id);
    };
    const result = await handler.execute(command({ ticketIds: [A, C] }));
    expect(result.results.map((r) => [r.ticketId, r.ok, r.problem?.status ?? null])).toEqual([
      [A, false, 500],
      [C, true, null],
    ]);
    expect(errors).toEqual([expect.objectContaining({ ticketId: A })]);
  });

  it.each([
    ['no ticket', { ticketIds: [] }],
    [
      '101 tickets',
      {
        ticketIds: Array.from(
          { length: 101 },
          (_, i) => `0190f1f0-0000-7000-8000-${String(i).padStart(12, '0')}`,
        ),
      },
    ],
    ['a ticket named twice', { ticketIds: [A, A] }],
    ['an id that is not a uuid', { ticketIds: ['t1'] }],
  ])('a command with %s cannot be built (ticketIds)', (_what, over) => {
    expect(() => command(over as Partial<BulkAssignFromTriageCommand>)).toThrow(
      expect.objectContaining({
        code: 'validation',
        details: { errors: [expect.objectContaining({ field: 'ticketIds' })] },
      }),
    );
  });
});
