import { TicketEventBase, TicketEvents } from '@ticketing/contracts';
import { slaKit } from '../../handler-spec.fixture';
import { RuleBook } from './rule-book';
import { TicketTimers, noHolds } from './ticket-timers.aggregate';

const base = (status: TicketEventBase['status']): TicketEventBase => ({
  ticketId: 't-1',
  number: 'CS-2025-000001',
  status,
  enterpriseId: 'ent-A',
  category: 'labour',
  urgency: 'normal',
  gridId: null,
  leadDepartmentId: 'dep-hr',
  coHandlerDepartmentIds: [],
});
const facts = {
  ticketId: 't-1',
  number: 'CS-2025-000001',
  enterpriseId: 'ent-A',
  gridId: null,
  category: 'labour',
  urgency: 'normal',
  status: 'assigned',
  leadDepartmentId: 'dep-hr',
  coHandlerDepartmentIds: [],
};
const at = (s: string) => Date.parse(s);

describe('TicketTimers', () => {
  const rules = () => {
    const kit = slaKit();
    return new RuleBook(kit.policies, kit.calendars);
  };

  it('opens a clock paused when a condition it pauses for already holds (asked before signing)', async () => {
    const timers = new TicketTimers(facts, [], noHolds());
    const book = rules();
    await timers.apply(
      {
        type: TicketEvents.informationRequested,
        payload: { ...base('assigned'), requestId: 'rq-1', departmentId: 'dep-hr', question: '?' },
      },
      at('2025-03-03T10:00:00+08:00'),
      book,
    );
    expect(timers.holds).toEqual({ conditions: ['awaiting_enterprise'], informationRequestIds: ['rq-1'] });
    await timers.apply(
      {
        type: TicketEvents.acknowledged,
        payload: { ...base('in_progress'), departmentId: 'dep-hr', reason: '' },
      },
      at('2025-03-03T11:00:00+08:00'),
      book,
    );
    const resolve = timers.open.find((t) => t.kind === 'resolve')!;
    expect(resolve.state).toBe('paused');
    expect(timers.open.find((t) => t.kind === 'reply')!.state).toBe('running');
    expect(timers.events.map((e) => [e.type, e.payload.kind])).toEqual([
      ['sla.deadline-set', 'resolve'],
      ['sla.timer-paused', 'resolve'],
      ['sla.deadline-set', 'reply'],
    ]);
    expect(timers.holdsChanged).toBe(true);
  });

  it('an answer to a question it never saw asked releases nothing it does not hold', async () => {
    const timers = new TicketTimers(facts, [], {
      conditions: ['extension_pending'],
      informationRequestIds: [],
    });
    await timers.apply(
      {
        type: TicketEvents.informationProvided,
        payload: { ...base('in_progress'), requestId: 'rq-9', answer: '', attachments: [] },
      },
      at('2025-03-03T10:00:00+08:00'),
      rules(),
    );
    expect(timers.holds).toEqual({ conditions: ['extension_pending'], informationRequestIds: [] });
  });

  it('opens the callback clock once per lapsed feedback window', async () => {
    const timers = new TicketTimers({ ...facts, status: 'resolved' }, [], noHolds());
    const book = rules();
    await timers.apply(
      {
        type: TicketEvents.resolved,
        payload: { ...base('resolved'), departmentId: 'dep-hr', result: '', evidence: [] },
      },
      at('2025-03-03T10:00:00+08:00'),
      book,
    );
    const feedback = timers.open.find((t) => t.kind === 'feedback')!;
    await timers.feedbackLapsed(feedback.id, feedback.dueAt!, book);
    await timers.feedbackLapsed(feedback.id, feedback.dueAt!, book);
    expect(timers.open.map((t) => [t.kind, t.departmentId])).toEqual([['callback', null]]);
  });
});
