import { people, refusal } from '../../../shared/handler-spec.fixture';
import { taskListKit, thisMonth } from '../task-list-spec.kit';
import { CreateTaskListCommand } from './create-task-list.command';
import { CreateTaskListHandler } from './create-task-list.handler';

async function kit() {
  const k = await taskListKit();
  return { ...k, handler: new CreateTaskListHandler(k.uow, k.lists, k.candidates, k.directory, k.config) };
}

describe('CreateTaskListHandler', () => {
  it('without items, drafts the proposal of the visiting intervals: key enterprise first, no event yet', async () => {
    const k = await kit();
    const list = await k.handler.execute(
      CreateTaskListCommand.create({ user: people.committee, instructorUserId: 'u-ins', month: thisMonth() }),
    );
    expect(list).toMatchObject({ status: 'draft', version: 1, instructorName: '李指导员', revision: 0 });
    expect(list.items.map((i) => [i.enterpriseId, i.reason])).toEqual([
      ['ent-1', 'key_enterprise'],
      ['ent-3', 'due'],
    ]);
    expect(k.lists.saved).toEqual([]);
    expect(k.uow.transactions).toBe(1);
  });

  it('takes the committee’s items, keeping the proposal’s reason where it has one', async () => {
    const k = await kit();
    const list = await k.handler.execute(
      CreateTaskListCommand.create({
        user: people.committee,
        instructorUserId: 'u-ins',
        month: thisMonth(),
        items: [{ enterpriseId: 'ent-3', topics: [{ kind: 'policy', text: ' 稳岗补贴 ' }] }],
      }),
    );
    expect(list.items).toEqual([
      {
        enterpriseId: 'ent-3',
        enterpriseName: '恒达建材',
        gridId: 'grid-1',
        reason: 'due',
        topics: [{ kind: 'policy', text: '稳岗补贴' }],
      },
    ]);
  });

  it('refuses an enterprise of another grid, a non-instructor, a month out of reach, and a second list for the month', async () => {
    const k = await kit();
    const base = { user: people.committee, instructorUserId: 'u-ins', month: thisMonth() };
    const e1 = await refusal(
      k.handler.execute(
        CreateTaskListCommand.create({ ...base, items: [{ enterpriseId: 'ent-2', topics: [] }] }),
      ),
    );
    expect(e1.details.errors).toEqual([expect.objectContaining({ field: 'items.0.enterpriseId' })]);
    const e2 = await refusal(
      k.handler.execute(CreateTaskListCommand.create({ ...base, instructorUserId: 'u-com' })),
    );
    expect(e2.details.errors).toEqual([expect.objectContaining({ field: 'instructorUserId' })]);
    const e3 = await refusal(k.handler.execute(CreateTaskListCommand.create({ ...base, month: '2001-01' })));
    expect(e3.details.errors).toEqual([expect.objectContaining({ field: 'month' })]);
    await k.handler.execute(CreateTaskListCommand.create(base));
    const e4 = await refusal(k.handler.execute(CreateTaskListCommand.create(base)));
    expect([e4.code, e4.details.errors]).toEqual(['conflict', [expect.objectContaining({ field: 'month' })]]);
    expect(k.lists.rows.size).toBe(1);
  });
});
