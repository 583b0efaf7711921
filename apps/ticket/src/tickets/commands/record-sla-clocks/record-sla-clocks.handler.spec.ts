import { CommandProps } from '@ticketing/platform';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryTicketDeadlines } from '../../infrastructure/ticket-support.in-memory-repository';
import { RecordSlaClocksCommand, SlaClock } from './record-sla-clocks.command';
import { RecordSlaClocksHandler } from './record-sla-clocks.handler';

describe('RecordSlaClocksHandler', () => {
  const known = 't-known';
  const setup = () => {
    const deadlines = new InMemoryTicketDeadlines((id) => id === known);
    return { deadlines, handler: new RecordSlaClocksHandler(new InlineUnitOfWork(), deadlines) };
  };
  const AT = new Date('2026-03-09T01:00:00Z');
  const run = (h: RecordSlaClocksHandler, c: Omit<CommandProps<SlaClock>, 'at'>) =>
    h.execute(RecordSlaClocksCommand.create({ clocks: [SlaClock.of({ at: AT, ...c })] }));

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
      RecordSlaClocksCommand.create({
        clocks: [SlaClock.of({ ticketId: known, kind: 'lunch' as never, change: 'set', at: AT })],
      }),
    ).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('clocks.0.kind') }),
    );
  });

  it("records a batch's facts about several tickets as one by one would", async () => {
    const tickets = ['t-1', 't-2', 't-3'];
    const one = new InMemoryTicketDeadlines();
    const many = new InMemoryTicketDeadlines();
    const facts: Omit<CommandProps<SlaClock>, 'at'>[][] = [
      [
        { ticketId: tickets[0], kind: 'respond', change: 'set', dueAt: '2026-03-10T09:30:00.000Z' },
        { ticketId: tickets[1], kind: 'triage', change: 'stopped' },
        { ticketId: tickets[2], kind: 'feedback', change: 'red' },
      ],
      [
        { ticketId: tickets[0], kind: 'respond', change: 'paused', reason: 'awaiting_enterprise' },
        { ticketId: tickets[1], kind: 'respond', change: 'set', dueAt: '2026-03-11T09:30:00.000Z' },
        { ticketId: tickets[2], kind: 'feedback', change: 'stopped' },
      ],
    ];
    const byOne = new RecordSlaClocksHandler(new InlineUnitOfWork(), one);
    const byRound = new RecordSlaClocksHandler(new InlineUnitOfWork(), many);
    for (const round of facts) {
      for (const f of round) await run(byOne, f);
      await byRound.execute(
        RecordSlaClocksCommand.create({ clocks: round.map((f) => SlaClock.of({ at: AT, ...f })) }),
      );
    }
    for (const map of ['due', 'flags', 'pauses', 'lapsed'] as const) expect(many[map]).toEqual(one[map]);
    expect(many.pauses.get(tickets[0])).toEqual({ respond: 'awaiting_enterprise' });
    expect(await many.feedbackLapsedAt(tickets[2])).toEqual(AT);
  });

  it('refuses an empty list and a ticket named twice', () => {
    expect(() => RecordSlaClocksCommand.create({ clocks: [] })).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('clocks') }),
    );
    const twice = ['set', 'stopped'].map((change) =>
      SlaClock.of({ ticketId: known, kind: 'respond', change: change as 'set', at: AT }),
    );
    expect(() => RecordSlaClocksCommand.create({ clocks: twice })).toThrow(
      expect.objectContaining({ code: 'validation', message: expect.stringContaining('once per command') }),
    );
  });
});
