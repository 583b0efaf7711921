import { CommandProps } from '@ticketing/platform';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryTicketDeadlines } from '../../infrastructure/ticket-support.in-memory-repository';
import { RecordSlaClockCommand } from './record-sla-clock.command';
import { RecordSlaClockHandler } from './record-sla-clock.handler';

describe('RecordSlaClockHandler', () => {
  const known = 't-known';
  const setup = () => {
    const deadlines = new InMemoryTicketDeadlines((id) => id === known);
    return { deadlines, handler: new RecordSlaClockHandler(new InlineUnitOfWork(), deadlines) };
  };
  const AT = new Date('2026-03-09T01:00:00Z');
  const run = (h: RecordSlaClockHandler, c: Omit<CommandProps<RecordSlaClockCommand>, 'at'>) =>
    h.execute(RecordSlaClockCommand.create({ at: AT, ...c }));

  it('keeps the deadline and the flags; red is never lowered to yellow; a moved deadline starts afresh', async () => {
    const { deadlines, handler } = setup();
    await run(handler, {
      ticketId: known,
      kind: 'resolve',
      change: 'set',
      dueAt: '2026-03-10T09:30:00.000Z',
    });
    await run(handler, { ticketId: known, kind: 'resolve', change: 'red' });
    await run(handler, { ticketId: known, kind: 'resolve', change: 'yellow' });
    expect(deadlines.flags.get(known)).toEqual({ resolve: 'red' });
    expect(await deadlines.resolveDueAt(known)).toEqual(new Date('2026-03-10T09:30:00.000Z'));
    await run(handler, {
      ticketId: known,
      kind: 'resolve',
      change: 'set',
      dueAt: '2026-03-17T09:30:00.000Z',
    });
    expect(deadlines.flags.get(known)).toEqual({});
    await run(handler, { ticketId: known, kind: 'resolve', change: 'stopped' });
    expect(await deadlines.resolveDueAt(known)).toBeNull();
  });

  it('a red feedback flag leaves the ticket waiting for a callback until a new feedback window opens', async () => {
    const { deadlines, handler } = setup();
    await run(handler, { ticketId: known, kind: 'feedback', change: 'yellow' });
    expect(await deadlines.feedbackLapsedAt(known)).toBeNull();
    await run(handler, { ticketId: known, kind: 'feedback', change: 'red' });
    expect(await deadlines.feedbackLapsedAt(known)).toEqual(AT);
    // The engine stops the lapsed window; the wait for the callback goes on.
    await run(handler, { ticketId: known, kind: 'feedback', change: 'stopped' });
    expect(await deadlines.feedbackLapsedAt(known)).toEqual(AT);
    await run(handler, {
      ticketId: known,
      kind: 'feedback',
      change: 'set',
      dueAt: '2026-03-20T09:30:00.000Z',
    });
    expect(await deadlines.feedbackLapsedAt(known)).toBeNull();
  });

  it('shows why a clock is paused until it counts again or stops', async () => {
    const { deadlines, handler } = setup();
    await run(handler, { ticketId: known, kind: 'resolve', change: 'paused', reason: 'awaiting_enterprise' });
    expect(deadlines.pauses.get(known)).toEqual({ resolve: 'awaiting_enterprise' });
    await run(handler, {
      ticketId: known,
      kind: 'resolve',
      change: 'set',
      dueAt: '2026-03-12T09:30:00.000Z',
    });
    expect(deadlines.pauses.get(known)).toEqual({});
  });

  it('drops facts about a ticket this service does not know, and refuses a kind that is not a clock', async () => {
    const { deadlines, handler } = setup();
    await run(handler, {
      ticketId: 't-unknown',
      kind: 'respond',
      change: 'set',
      dueAt: '2026-03-10T09:30:00.000Z',
    });
    expect(deadlines.due.size).toBe(0);
    expect(() =>
      RecordSlaClockCommand.create({ ticketId: known, kind: 'lunch' as never, change: 'set', at: AT }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
