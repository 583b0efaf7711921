import { InMemoryEnterpriseDirectory } from '../../../directory/infrastructure/enterprise-directory.in-memory-repository';
import { handlerSpecKit, people, refusal, TICKET_ID, ticketIn } from '../handler-spec.fixture';
import { AssignHandlerCommand } from './assign-handler.command';
import { AssignHandlerHandler } from './assign-handler.handler';

async function setup() {
  const kit = handlerSpecKit(ticketIn('in_progress', { coHandler: true }));
  const directory = new InMemoryEnterpriseDirectory();
  const asOf = new Date('2026-01-01T00:00:00Z');
  const staff = (id: string, over: object = {}) =>
    directory.upsertUser(
      { id, displayName: `${id} 姓名`, role: 'department', departmentId: 'dep-lead', active: true, ...over },
      asOf,
    );
  await staff('u-wang');
  await staff('u-gone', { active: false });
  await staff('u-co', { departmentId: 'dep-co' });
  await staff('u-boss', { role: 'committee', departmentId: null });
  return { ...kit, handler: new AssignHandlerHandler(kit.runner, directory) };
}
const assign = (k: Awaited<ReturnType<typeof setup>>, handlerUserId: string | null, user = people.lead) =>
  k.handler.execute(
    AssignHandlerCommand.create({ user, ticketId: TICKET_ID, expectedVersion: k.version(), handlerUserId }),
  );

describe('AssignHandlerHandler', () => {
  it('the lead hands the ticket to one of its staff, by the name the directory knows; then to nobody', async () => {
    const k = await setup();
    await assign(k, 'u-wang');
    expect(k.tickets.saved[0].payload).toMatchObject({
      departmentId: 'dep-lead',
      handlerUserId: 'u-wang',
      handlerName: 'u-wang 姓名',
    });
    expect(k.tickets.get(TICKET_ID)!.handler).toEqual({ userId: 'u-wang', name: 'u-wang 姓名' });
    await assign(k, null);
    expect(k.tickets.get(TICKET_ID)!.handler).toBeNull();
    expect(k.tickets.eventTypes()).toEqual(['ticket.handler-assigned', 'ticket.handler-assigned']);
  });

  it('refuses someone unknown, inactive, of another department or not department staff (400 naming the field); a co-handler may not assign (403)', async () => {
    const k = await setup();
    for (const id of ['u-nobody', 'u-gone', 'u-co', 'u-boss']) {
      const e = await refusal(assign(k, id));
      expect(e.details.errors).toEqual([{ field: 'handlerUserId', messages: [expect.any(String)] }]);
    }
    expect((await refusal(assign(k, 'u-wang', people.coHandler))).code).toBe('forbidden');
    expect(k.tickets.saved).toEqual([]);
  });
});
