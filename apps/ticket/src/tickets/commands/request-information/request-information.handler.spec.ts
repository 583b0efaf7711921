import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { RequestInformationCommand } from './request-information.command';
import { RequestInformationHandler } from './request-information.handler';

describe('RequestInformationHandler', () => {
  const ask = (kit: ReturnType<typeof handlerSpecKit>, user = people.lead, question = '请补充租赁合同') =>
    new RequestInformationHandler(kit.runner).execute(
      RequestInformationCommand.create({
        user,
        ticketId: TICKET_ID,
        expectedVersion: kit.version(),
        question,
      }),
    );

  it('the lead asks the enterprise: ticket.information-requested with a new request id, the question kept open', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress'));
    const result = await ask(kit);
    expect(result.status).toBe('in_progress');
    expect(kit.tickets.eventTypes()).toEqual(['ticket.information-requested']);
    const open = kit.tickets.get(TICKET_ID)!.openInformationRequest!;
    expect(open).toMatchObject({
      departmentId: 'dep-lead',
      question: '请补充租赁合同',
      askedBy: people.lead.id,
    });
    expect(kit.tickets.saved[0].payload).toMatchObject({ requestId: open.id, departmentId: 'dep-lead' });
    expect(kit.uow.transactions).toBe(1);
  });

  it('a second question while the first waits is refused (409), and a co-handler may not ask (403)', async () => {
    const kit = handlerSpecKit(ticketIn('in_progress', { coHandler: true }));
    await ask(kit);
    expect((await refusal(ask(kit, people.lead, '还有营业执照'))).code).toBe('illegalTransition');
    expect((await refusal(ask(kit, people.coHandler))).code).toBe('forbidden');
    expect(kit.tickets.saved).toHaveLength(1);
  });
});
