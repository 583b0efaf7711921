import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { RecordCallbackCommand } from './record-callback.command';
import { RecordCallbackHandler } from './record-callback.handler';

const setup = () => {
  const kit = handlerSpecKit(ticketIn('resolved'));
  return { ...kit, handler: new RecordCallbackHandler(kit.runner, kit.deadlines) };
};
const call = (
  k: ReturnType<typeof setup>,
  user = people.committee,
  satisfaction: 'satisfied' | 'unsatisfied' = 'satisfied',
) =>
  k.handler.execute(
    RecordCallbackCommand.create({
      user,
      ticketId: TICKET_ID,
      expectedVersion: k.version(),
      contacted: true,
      solved: true,
      satisfaction,
      comment: '电话回访：企业表示满意',
    }),
  );

describe('RecordCallbackHandler', () => {
  it('waits until the feedback window lapsed (409 before), then records the answers via callback and closes a satisfied ticket', async () => {
    const k = setup();
    expect((await refusal(call(k))).code).toBe('illegalTransition');
    await k.deadlines.record([
      { ticketId: TICKET_ID, kind: 'feedback', change: 'red', at: new Date('2026-03-09T09:30:00Z') },
    ]);
    const result = await call(k);
    expect(result.status).toBe('closed');
    expect(k.tickets.saved.map((c) => [c.eventType, 'via' in c.payload ? c.payload.via : undefined])).toEqual(
      [
        ['ticket.feedback-given', 'callback'],
        ['ticket.closed', undefined],
      ],
    );
    expect(k.tickets.saved[1].reasonParams).toEqual({ satisfaction: 'satisfied', via: 'callback' });
    expect(k.tickets.get(TICKET_ID)!.feedback).toMatchObject({
      via: 'callback',
      comment: '电话回访：企业表示满意',
    });
  });

  it('only the committee calls back (403 for the enterprise, 404 for a department not on it); once rated, no second callback', async () => {
    const k = setup();
    await k.deadlines.record([
      { ticketId: TICKET_ID, kind: 'feedback', change: 'red', at: new Date('2026-03-09T09:30:00Z') },
    ]);
    expect((await refusal(call(k, people.enterprise))).code).toBe('forbidden');
    expect((await refusal(call(k, people.otherDepartment))).code).toBe('notFound');
    await call(k, people.committee, 'unsatisfied');
    expect(k.tickets.get(TICKET_ID)!.status).toBe('resolved');
    expect((await refusal(call(k))).code).toBe('illegalTransition');
  });
});
