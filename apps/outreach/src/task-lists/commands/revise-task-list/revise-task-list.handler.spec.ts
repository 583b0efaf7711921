import { people, refusal } from '../../../shared/handler-spec.fixture';
import { TaskList } from '../../domain/task-list.aggregate';
import { taskListKit, thisMonth } from '../task-list-spec.kit';
import { ReviseTaskListCommand } from './revise-task-list.command';
import { ReviseTaskListHandler } from './revise-task-list.handler';

const ID = '0190f1f0-0000-7000-8000-0000000000d1';

async function kit(published: boolean) {
  const k = await taskListKit();
  const list = TaskList.draft({
    id: ID,
    instructor: { id: 'u-ins', name: '李指导员' },
    month: thisMonth(),
    items: [],
    actor: { id: 'u-com', role: 'committee' },
    at: new Date(),
  });
  if (published) list.publish({ id: 'u-com', role: 'committee' }, new Date());
  k.lists.seed(list);
  return { ...k, handler: new ReviseTaskListHandler(k.uow, k.lists, k.candidates, k.directory, k.config) };
}

const items = [{ enterpriseId: 'ent-1', topics: [{ kind: 'follow_up' as const, text: '跟进用工问题' }] }];

describe('ReviseTaskListHandler', () => {
  it('a published list revised is published again (revision 2) in one unit of work', async () => {
    const k = await kit(true);
    const list = await k.handler.execute(
      ReviseTaskListCommand.create({ user: people.committee, taskListId: ID, expectedVersion: 2, items }),
    );
    expect(list).toMatchObject({ version: 3, revision: 2, status: 'published' });
    expect(k.lists.saved.map((c) => [c.eventType, c.payload])).toEqual([
      ['outreach.task-list-published', expect.objectContaining({ revision: 2, plannedCount: 1 })],
    ]);
    expect(k.uow.transactions).toBe(1);
  });

  it('a draft revised says nothing', async () => {
    const k = await kit(false);
    await k.handler.execute(
      ReviseTaskListCommand.create({ user: people.committee, taskListId: ID, expectedVersion: 1, items }),
    );
    expect(k.lists.saved).toEqual([]);
  });

  it('refuses a stale version, and is a 404 to an instructor (not theirs to edit) and for an unknown list', async () => {
    const k = await kit(false);
    expect(
      (
        await refusal(
          k.handler.execute(
            ReviseTaskListCommand.create({
              user: people.committee,
              taskListId: ID,
              expectedVersion: 7,
              items,
            }),
          ),
        )
      ).code,
    ).toBe('versionConflict');
    expect(
      (
        await refusal(
          k.handler.execute(
            ReviseTaskListCommand.create({
              user: people.instructor,
              taskListId: ID,
              expectedVersion: 1,
              items,
            }),
          ),
        )
      ).code,
    ).toBe('notFound');
    expect(
      (
        await refusal(
          k.handler.execute(
            ReviseTaskListCommand.create({
              user: people.committee,
              taskListId: '0190f1f0-0000-7000-8000-0000000000ff',
              expectedVersion: 1,
              items,
            }),
          ),
        )
      ).code,
    ).toBe('notFound');
  });
});
