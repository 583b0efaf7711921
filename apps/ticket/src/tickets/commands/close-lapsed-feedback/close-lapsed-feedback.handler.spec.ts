import { handlerSpecKit, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { CloseLapsedFeedbackCommand } from './close-lapsed-feedback.command';
import { CloseLapsedFeedbackHandler } from './close-lapsed-feedback.handler';

const lapsed = {
  ticketId: TICKET_ID,
  actor: { id: 'system', role: 'system' as const },
  causedBy: 'sla.breached#e1',
};

describe('CloseLapsedFeedbackHandler', () => {
  it('closes a resolved ticket the enterprise did not rate as no feedback (never as satisfied)', async () => {
    const kit = handlerSpecKit(ticketIn('resolved'));
    await new CloseLapsedFeedbackHandler(kit.systemRunner).execute(CloseLapsedFeedbackCommand.create(lapsed));
    expect(kit.tickets.eventTypes()).toEqual(['ticket.closed']);
    expect(kit.tickets.saved[0].payload).toMatchObject({ outcome: 'no_feedback', satisfaction: null });
  });

  it('skips a lapse notice for a ticket that is no longer resolved', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    expect(
      await new CloseLapsedFeedbackHandler(kit.systemRunner).execute(
        CloseLapsedFeedbackCommand.create(lapsed),
      ),
    ).toBe('not-applicable');
    expect(kit.tickets.saved).toEqual([]);
  });
});
