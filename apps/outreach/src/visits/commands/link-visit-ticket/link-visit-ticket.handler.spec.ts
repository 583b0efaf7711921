import { InlineUnitOfWork } from '@ticketing/testing';
import pino from 'pino';
import { Visit } from '../../domain/visit.aggregate';
import { InMemoryVisitRepository } from '../../infrastructure/visit.in-memory-repository';
import { LinkVisitTicketCommand } from './link-visit-ticket.command';
import { LinkVisitTicketHandler } from './link-visit-ticket.handler';

const VISIT = '0190f1f0-0000-7000-8000-0000000000f1';
const TICKET = '0190f1f0-0000-7000-8000-0000000000f2';

function kit() {
  const uow = new InlineUnitOfWork();
  const visits = new InMemoryVisitRepository();
  visits.seed(
    Visit.record({
      id: VISIT,
      enterpriseId: 'ent-1',
      enterpriseName: '六枝机械厂',
      gridId: 'grid-1',
      instructor: { id: 'u-ins', name: '李指导员', gridIds: ['grid-1'] },
      companions: [],
      visitedAt: new Date('2026-03-03T02:00:00Z'),
      mode: 'phone',
      topics: [],
      findings: '',
      photos: [],
      problems: [
        {
          index: 0,
          title: '缺焊工',
          description: '缺 20 名焊工',
          category: 'labour',
          urgency: 'normal',
          contact: { name: '王经理', phone: '13800138000' },
          location: null,
          photoIds: [],
        },
      ],
      needIds: [],
      planned: false,
      taskListId: null,
      at: new Date('2026-03-03T03:00:00Z'),
    }),
  );
  return { uow, visits, handler: new LinkVisitTicketHandler(uow, visits, pino({ level: 'silent' })) };
}

const link = (over: Partial<LinkVisitTicketCommand> = {}) =>
  LinkVisitTicketCommand.create({
    visitId: VISIT,
    problemIndex: 0,
    ticketId: TICKET,
    ticketNumber: 'CS-2026-000042',
    actor: { id: 'u-ins', role: 'instructor' },
    causedBy: 'ticket.submitted#e1',
    ...over,
  });

describe('LinkVisitTicketHandler', () => {
  it('links the problem to its ticket once: outreach.visit-linked, then nothing for the same report', async () => {
    const k = kit();
    expect(await k.handler.execute(link())).toBe('linked');
    expect(await k.handler.execute(link())).toBe('known');
    expect(k.visits.saved.map((c) => [c.eventType, c.payload])).toEqual([
      [
        'outreach.visit-linked',
        expect.objectContaining({
          ticketId: TICKET,
          ticketNumber: 'CS-2026-000042',
          problemIndex: 0,
          month: '2026-03',
        }),
      ],
    ]);
    expect(k.visits.rows.get(VISIT)!.links).toEqual([expect.objectContaining({ ticketId: TICKET })]);
    expect(k.uow.transactions).toBe(2);
  });

  it('skips a visit it does not hold, and refuses a problem the visit does not have', async () => {
    const k = kit();
    expect(await k.handler.execute(link({ visitId: '0190f1f0-0000-7000-8000-0000000000ff' }))).toBe(
      'unknown-visit',
    );
    await expect(k.handler.execute(link({ problemIndex: 3 }))).rejects.toMatchObject({ code: 'validation' });
    expect(k.visits.saved).toEqual([]);
  });
});
