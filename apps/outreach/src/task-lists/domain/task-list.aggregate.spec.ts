import { Actor, DomainError } from '@ticketing/contracts';
import { TaskList } from './task-list.aggregate';
import { PlannedVisit } from './visit-plan';

const committee: Actor = { id: 'u-com', role: 'committee' };
const NOW = new Date('2026-03-01T02:00:00Z');
const item = (id: string, over: Partial<PlannedVisit> = {}): PlannedVisit => ({
  enterpriseId: id,
  enterpriseName: `企业${id}`,
  gridId: 'grid-1',
  reason: 'due',
  topics: [],
  ...over,
});
const draft = (items = [item('ent-1'), item('ent-2', { reason: 'key_enterprise' })]) =>
  TaskList.draft({
    id: 'tl-1',
    instructor: { id: 'u-ins', name: '李指导员' },
    month: '2026-03',
    items,
    actor: committee,
    at: NOW,
  });

const error = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('TaskList', () => {
  it('a draft says nothing; publishing announces the plan with instructor, month and count', () => {
    const list = draft();
    expect(list.pullChanges()).toEqual([]);
    expect(list.plans('ent-1')).toBe(false);
    list.publish(committee, NOW);
    const [c] = list.pullChanges();
    expect(c).toMatchObject({
      eventType: 'outreach.task-list-published',
      version: 2,
      payload: { instructorUserId: 'u-ins', month: '2026-03', plannedCount: 2, revision: 1 },
    });
    expect(list.plans('ent-1')).toBe(true);
  });

  it('a revised published list is published again as revision 2; publishing twice is refused', () => {
    const list = draft();
    list.publish(committee, NOW);
    list.revise([item('ent-3')], committee, NOW);
    const changes = list.pullChanges();
    expect(changes.map((c) => c.payload)).toEqual([
      expect.objectContaining({ revision: 1, plannedCount: 2 }),
      expect.objectContaining({ revision: 2, plannedCount: 1 }),
    ]);
    expect(error(() => list.publish(committee, NOW)).code).toBe('illegalTransition');
  });

  it('revising a draft changes the version, not the ledger', () => {
    const list = draft();
    list.revise([item('ent-3')], committee, NOW);
    expect(list.version).toBe(2);
    expect(list.pullChanges()).toEqual([]);
  });

  it('refuses an enterprise listed twice and an empty topic, naming each', () => {
    const e = error(() => draft([item('ent-1'), item('ent-1', { topics: [{ kind: 'policy', text: ' ' }] })]));
    expect(e.details.errors).toEqual([
      { field: 'items.1.enterpriseId', messages: ['ent-1 is listed twice'] },
      { field: 'items.1.topics.0.text', messages: ['a topic needs its text'] },
    ]);
  });

  it('refuses a stale version with the current one', () => {
    expect(error(() => draft().assertVersion(2)).details).toMatchObject({ currentVersion: 1 });
  });
});
