import { TicketConfig } from '../../../ticket.config';
import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { ReopenTicketCommand } from './reopen-ticket.command';
import { ReopenTicketHandler } from './reopen-ticket.handler';

const config = { TICKET_REOPEN_LIMIT: 1 } as TicketConfig;

describe('ReopenTicketHandler', () => {
  function unsatisfied() {
    const t = ticketIn('resolved');
    t.giveFeedback(
      { id: people.enterprise.id, role: 'enterprise' },
      { contacted: true, solved: false, satisfaction: 'unsatisfied', comment: '还是停水' },
      new Date(),
    );
    return t;
  }

  it('an unsatisfied enterprise sends it back to the same lead: ticket.reopened, then ticket.assigned', async () => {
    const kit = handlerSpecKit(unsatisfied());
    const result = await new ReopenTicketHandler(kit.runner, config).execute(
      ReopenTicketCommand.create({
        user: people.enterprise,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        reason: '又停水了',
      }),
    );
    expect(result.status).toBe('reopened');
    expect(kit.tickets.eventTypes()).toEqual(['ticket.reopened', 'ticket.assigned']);
    expect(kit.tickets.get(TICKET_ID)!.reopenCount).toBe(1);
  });

  it('refuses a reopen past the configured limit, saving nothing', async () => {
    const t = unsatisfied();
    t.reopen({ id: people.enterprise.id, role: 'enterprise' }, 'first time', 1, new Date());
    t.acknowledge({ id: people.lead.id, role: 'department' }, null, new Date());
    t.resolve({ id: people.lead.id, role: 'department' }, { result: '再次修复', evidence: [] }, new Date());
    t.reply({ id: people.lead.id, role: 'department' }, '已再次修复', new Date());
    t.giveFeedback(
      { id: people.enterprise.id, role: 'enterprise' },
      { contacted: true, solved: false, satisfaction: 'unsatisfied', comment: null },
      new Date(),
    );
    const kit = handlerSpecKit(t);
    const e = await refusal(
      new ReopenTicketHandler(kit.runner, config).execute(
        ReopenTicketCommand.create({
          user: people.enterprise,
          ticketId: TICKET_ID,
          expectedVersion: kit.version(),
          reason: '第二次',
        }),
      ),
    );
    expect(e.code).toBe('illegalTransition');
    expect(kit.tickets.saved).toEqual([]);
  });
});
