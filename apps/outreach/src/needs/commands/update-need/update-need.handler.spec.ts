import { InlineUnitOfWork } from '@ticketing/testing';
import { people, refusal, seededDirectory } from '../../../shared/handler-spec.fixture';
import { InMemoryTicketCopies } from '../../../tickets/infrastructure/ticket-copies.in-memory-repository';
import { Need } from '../../domain/need.aggregate';
import { InMemoryNeedRepository } from '../../infrastructure/need.in-memory-repository';
import { UpdateNeedCommand } from './update-need.command';
import { UpdateNeedHandler } from './update-need.handler';

const ID = '0190f1f0-0000-7000-8000-000000000201';
const TICKET = '0190f1f0-0000-7000-8000-000000000202';
const OTHER_TICKET = '0190f1f0-0000-7000-8000-000000000203';

async function kit() {
  const uow = new InlineUnitOfWork();
  const needs = new InMemoryNeedRepository();
  needs.seed(
    Need.add({
      id: ID,
      enterpriseId: 'ent-1',
      enterpriseName: '六枝机械厂',
      gridId: 'grid-1',
      kind: 'financing',
      title: '技改贷款',
      description: '500 万',
      ownerDepartmentId: null,
      ownerUserId: 'u-ins',
      ticketId: null,
      visitId: null,
      instructorUserId: 'u-ins',
      createdBy: { id: 'u-ins', role: 'instructor' },
      at: new Date('2026-03-01T00:00:00Z'),
    }),
  );
  const tickets = new InMemoryTicketCopies();
  const copy = {
    number: 'CS-2026-000001',
    gridId: 'grid-1',
    leadDepartmentId: null,
    coHandlerDepartmentIds: [],
    status: 'submitted',
    sourceVersion: 1,
  };
  await tickets.applyAll([
    { ...copy, ticketId: TICKET, enterpriseId: 'ent-1' },
    { ...copy, ticketId: OTHER_TICKET, enterpriseId: 'ent-2' },
  ]);
  return { uow, needs, handler: new UpdateNeedHandler(uow, needs, await seededDirectory(), tickets) };
}

const cmd = (over: Partial<UpdateNeedCommand>) =>
  UpdateNeedCommand.create({ user: people.committee, needId: ID, expectedVersion: 1, ...over });

describe('UpdateNeedHandler', () => {
  it('the committee routes it to a department, which then moves it on: outreach.need-updated each time', async () => {
    const k = await kit();
    await k.handler.execute(cmd({ ownerDepartmentId: 'dep-1', status: 'in_progress' }));
    const r = await k.handler.execute(
      cmd({ user: people.department, expectedVersion: 2, status: 'met', ticketId: TICKET, note: '已放款' }),
    );
    expect(r).toEqual({ id: ID, status: 'met', version: 3 });
    expect(k.needs.saved.map((c) => c.payload)).toEqual([
      expect.objectContaining({ status: 'in_progress', previousStatus: 'open', ownerDepartmentId: 'dep-1' }),
      expect.objectContaining({ status: 'met', ticketId: TICKET, note: '已放款' }),
    ]);
  });

  it('who may change what: another department does not see it; an enterprise only closes; only the committee routes', async () => {
    const k = await kit();
    expect((await refusal(k.handler.execute(cmd({ user: people.department, status: 'met' })))).code).toBe(
      'notFound',
    );
    expect((await refusal(k.handler.execute(cmd({ user: people.enterprise, status: 'met' })))).code).toBe(
      'forbidden',
    );
    expect(
      (await refusal(k.handler.execute(cmd({ user: people.instructor, ownerDepartmentId: 'dep-1' })))).code,
    ).toBe('forbidden');
    expect(
      (await k.handler.execute(cmd({ user: people.enterprise, status: 'closed', note: '不需要了' }))).status,
    ).toBe('closed');
  });

  it('refuses another enterprise’s ticket, a stale version and a change of nothing, writing nothing', async () => {
    const k = await kit();
    expect((await refusal(k.handler.execute(cmd({ ticketId: OTHER_TICKET })))).details.errors).toEqual([
      expect.objectContaining({ field: 'ticketId' }),
    ]);
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 5, status: 'met' })))).code).toBe(
      'versionConflict',
    );
    expect((await refusal(k.handler.execute(cmd({ status: 'open' })))).message).toContain(
      'nothing to change',
    );
    expect(k.needs.saved).toEqual([]);
  });
});
