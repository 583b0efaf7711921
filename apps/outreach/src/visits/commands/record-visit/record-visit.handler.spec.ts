import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryNeedRepository } from '../../../needs/infrastructure/need.in-memory-repository';
import { people, refusal, seededDirectory } from '../../../shared/handler-spec.fixture';
import { monthOf } from '../../../shared/domain/zone-time';
import { TaskList } from '../../../task-lists/domain/task-list.aggregate';
import { InMemoryTaskListRepository } from '../../../task-lists/infrastructure/task-list.in-memory-repository';
import { InMemoryVisitIdempotencyKeys } from '../../infrastructure/visit-idempotency-keys.in-memory-repository';
import { InMemoryVisitPhotoRepository } from '../../infrastructure/visit-photo.in-memory-repository';
import { InMemoryVisitRepository } from '../../infrastructure/visit.in-memory-repository';
import { VisitRecordedResponseDto } from '../../visit-recorded.response.dto';
import { RecordVisitCommand } from './record-visit.command';
import { RecordVisitHandler } from './record-visit.handler';

const PHOTO = '0190f1f0-0000-7000-8000-0000000000e1';
const visitedAt = new Date(Date.now() - 3600_000);

async function kit() {
  const uow = new InlineUnitOfWork();
  const visits = new InMemoryVisitRepository();
  const needs = new InMemoryNeedRepository();
  const photos = new InMemoryVisitPhotoRepository();
  const lists = new InMemoryTaskListRepository();
  const keys = new InMemoryVisitIdempotencyKeys<VisitRecordedResponseDto>();
  await photos.add({
    id: PHOTO,
    fileName: '现场.jpg',
    contentType: 'image/jpeg',
    size: 100,
    sha256: 'c'.repeat(64),
    uploadedById: 'u-ins',
    visitId: null,
    createdAt: new Date(),
  });
  const list = TaskList.draft({
    id: '0190f1f0-0000-7000-8000-0000000000e2',
    instructor: { id: 'u-ins', name: '李指导员' },
    month: monthOf(visitedAt),
    items: [
      { enterpriseId: 'ent-1', enterpriseName: '六枝机械厂', gridId: 'grid-1', reason: 'due', topics: [] },
    ],
    actor: { id: 'u-com', role: 'committee' },
    at: new Date(),
  });
  list.publish({ id: 'u-com', role: 'committee' }, new Date());
  lists.seed(list);
  const handler = new RecordVisitHandler(uow, visits, needs, photos, lists, keys, await seededDirectory());
  return { uow, visits, needs, photos, handler, listId: list.id };
}

const visit = (over: Partial<RecordVisitCommand> = {}) =>
  RecordVisitCommand.create({
    user: people.instructor,
    enterpriseId: 'ent-1',
    visitedAt,
    mode: 'on_site',
    companions: ['王书记'],
    topics: ['稳岗补贴政策'],
    findings: '用工缺口 20 人',
    photoIds: [PHOTO],
    problems: [
      {
        title: '缺焊工',
        description: '缺 20 名焊工',
        category: 'labour',
        urgency: 'normal',
        contact: { name: '王经理', phone: '13800138000' },
        location: null,
        photoIds: [PHOTO],
      },
    ],
    needs: [{ kind: 'financing', title: '技改贷款', description: '500 万技改贷款' }],
    idempotencyKey: null,
    ...over,
  });

describe('RecordVisitHandler', () => {
  it('records the visit, its need and its photo in one unit of work; planned from the published list', async () => {
    const k = await kit();
    const r = await k.handler.execute(visit());
    expect(r).toMatchObject({ planned: true, taskListId: k.listId, problemCount: 1, version: 1 });
    expect(k.uow.transactions).toBe(1);
    expect(k.needs.saved.map((c) => [c.eventType, c.payload])).toEqual([
      [
        'outreach.need-added',
        expect.objectContaining({ visitId: r.id, instructorUserId: 'u-ins', status: 'open' }),
      ],
    ]);
    expect(k.visits.saved.map((c) => c.eventType)).toEqual(['outreach.visit-recorded']);
    expect(k.visits.saved[0].payload).toMatchObject({
      needIds: r.needIds,
      problems: [{ title: '缺焊工', photos: [expect.objectContaining({ id: PHOTO })] }],
    });
    expect(k.photos.rows.get(PHOTO)!.visitId).toBe(r.id);
  });

  it('a retry with the same key gets the same visit; the key with another visit is 422', async () => {
    const k = await kit();
    const first = await k.handler.execute(visit({ idempotencyKey: 'draft-1' }));
    expect(await k.handler.execute(visit({ idempotencyKey: 'draft-1' }))).toEqual(first);
    expect(
      (await refusal(k.handler.execute(visit({ idempotencyKey: 'draft-1', findings: '另一次' })))).code,
    ).toBe('unprocessable');
    expect(k.visits.rows.size).toBe(1);
  });

  it('an enterprise of another grid does not exist for the instructor; an unknown category and another’s photo are named', async () => {
    const k = await kit();
    expect((await refusal(k.handler.execute(visit({ enterpriseId: 'ent-2' })))).code).toBe('notFound');
    const e = await refusal(
      k.handler.execute(visit({ problems: [{ ...visit().problems[0], category: 'weather', photoIds: [] }] })),
    );
    expect(e.details.errors).toEqual([
      { field: 'problems.0.category', messages: ['unknown category weather'] },
    ]);
    const stranger = await refusal(
      k.handler.execute(visit({ user: { ...people.instructor, id: 'u-other' } })),
    );
    expect(stranger.details.errors).toEqual([expect.objectContaining({ field: 'photoIds' })]);
    const badNeed = await refusal(
      k.handler.execute(
        visit({ needs: [{ kind: 'hiring', title: ' ', description: 'x' }], photoIds: [], problems: [] }),
      ),
    );
    expect(badNeed.details.errors).toEqual([{ field: 'needs.0.title', messages: ['title is required'] }]);
    expect(k.visits.rows.size).toBe(0);
  });

  it('an unplanned visit says so', async () => {
    const k = await kit();
    const r = await k.handler.execute(
      visit({ enterpriseId: 'ent-3', photoIds: [], problems: [], needs: [] }),
    );
    expect(r).toMatchObject({ planned: false, taskListId: null, needIds: [] });
  });
});
