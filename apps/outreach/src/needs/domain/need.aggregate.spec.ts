import { Actor, DomainError } from '@ticketing/contracts';
import { Need } from './need.aggregate';

const NOW = new Date('2026-03-05T02:00:00Z');
const instructor: Actor = { id: 'u-ins', role: 'instructor' };
const add = () =>
  Need.add({
    id: 'n-1',
    enterpriseId: 'ent-1',
    enterpriseName: '六枝机械厂',
    gridId: 'grid-1',
    kind: 'financing',
    title: ' 技改贷款 500 万 ',
    description: '新生产线技改，需要贷款。',
    ownerDepartmentId: null,
    ownerUserId: 'u-ins',
    ticketId: null,
    visitId: 'v-1',
    instructorUserId: 'u-ins',
    createdBy: instructor,
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

describe('Need', () => {
  it('is added open, announced with the enterprise, grid, visit and instructor', () => {
    const n = add();
    const [c] = n.pullChanges();
    expect(c).toMatchObject({
      eventType: 'outreach.need-added',
      version: 1,
      payload: {
        status: 'open',
        title: '技改贷款 500 万',
        visitId: 'v-1',
        instructorUserId: 'u-ins',
        gridId: 'grid-1',
      },
    });
  });

  it('open → in_progress → met, each announced with the status before; met is final', () => {
    const n = add();
    n.pullChanges();
    n.update(
      { status: 'in_progress', ownerDepartmentId: 'dep-fin' },
      { id: 'u-com', role: 'committee' },
      NOW,
    );
    n.update({ status: 'met', note: '已放款' }, instructor, NOW);
    expect(n.pullChanges().map((c) => c.payload)).toEqual([
      expect.objectContaining({ status: 'in_progress', previousStatus: 'open' }),
      expect.objectContaining({ status: 'met', previousStatus: 'in_progress' }),
    ]);
    expect(error(() => n.update({ status: 'open' }, instructor, NOW)).code).toBe('illegalTransition');
    expect(n.version).toBe(3);
  });

  it('refuses an update that changes nothing, and an empty title', () => {
    expect(error(() => add().update({ status: 'open' }, instructor, NOW)).message).toContain(
      'nothing to change',
    );
    expect(
      error(() => Need.add({ ...add().snapshot(), title: ' ', createdBy: instructor, at: NOW })).details,
    ).toEqual({ errors: [{ field: 'title', messages: ['title is required'] }] });
  });
});
