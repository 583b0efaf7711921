import { InlineUnitOfWork } from '@ticketing/testing';
import { people, refusal } from '../../../shared/handler-spec.fixture';
import { TaskList } from '../../domain/task-list.aggregate';
import { InMemoryTaskListRepository } from '../../infrastructure/task-list.in-memory-repository';
import { PublishTaskListCommand } from './publish-task-list.command';
import { PublishTaskListHandler } from './publish-task-list.handler';

const ID = '0190f1f0-0000-7000-8000-0000000000d2';

function kit() {
  const uow = new InlineUnitOfWork();
  const lists = new InMemoryTaskListRepository();
  lists.seed(
    TaskList.draft({
      id: ID,
      instructor: { id: 'u-ins', name: '李指导员' },
      month: '2026-03',
      items: [
        {
          enterpriseId: 'ent-1',
          enterpriseName: '六枝机械厂',
          gridId: 'grid-1',
          reason: 'key_enterprise',
          topics: [],
        },
      ],
      actor: { id: 'u-com', role: 'committee' },
      at: new Date('2026-03-01T00:00:00Z'),
    }),
  );
  return { uow, lists, handler: new PublishTaskListHandler(uow, lists) };
}

describe('PublishTaskListHandler', () => {
  it('publishes once: outreach.task-list-published with the plan; again is a 409', async () => {
    const k = kit();
    const list = await k.handler.execute(
      PublishTaskListCommand.create({ user: people.committee, taskListId: ID, expectedVersion: 1 }),
    );
    expect(list).toMatchObject({ status: 'published', version: 2, revision: 1 });
    expect(k.lists.saved[0]).toMatchObject({
      eventType: 'outreach.task-list-published',
      actor: { id: 'u-com', role: 'committee' },
      payload: { instructorUserId: 'u-ins', month: '2026-03', plannedCount: 1 },
    });
    const again = await refusal(
      k.handler.execute(
        PublishTaskListCommand.create({ user: people.committee, taskListId: ID, expectedVersion: 2 }),
      ),
    );
    expect(again.code).toBe('illegalTransition');
    expect(k.lists.saved).toHaveLength(1);
  });

  it('an instructor cannot publish their own draft: it does not exist for them yet', async () => {
    const k = kit();
    const e = await refusal(
      k.handler.execute(
        PublishTaskListCommand.create({ user: people.instructor, taskListId: ID, expectedVersion: 1 }),
      ),
    );
    expect(e.code).toBe('notFound');
  });
});
