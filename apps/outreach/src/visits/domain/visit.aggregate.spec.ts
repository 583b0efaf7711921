import { DomainError } from '@ticketing/contracts';
import { RecordVisitInput, Visit } from './visit.aggregate';

const AT = new Date('2026-03-01T01:00:00Z');
const PHOTO = {
  id: 'ph-1',
  fileName: '现场.jpg',
  contentType: 'image/jpeg',
  size: 10,
  sha256: 'a'.repeat(64),
};
const input = (over: Partial<RecordVisitInput> = {}): RecordVisitInput => ({
  id: 'v-1',
  enterpriseId: 'ent-1',
  enterpriseName: '六枝机械厂',
  gridId: 'grid-1',
  instructor: { id: 'u-ins', name: '李指导员', gridIds: ['grid-1'] },
  companions: [' 王书记 ', ''],
  // 07:30 on 1 March in Beijing is still 28 February in UTC.
  visitedAt: new Date('2026-02-28T23:30:00Z'),
  mode: 'on_site',
  topics: ['稳岗补贴'],
  findings: '生产正常，用工缺口 20 人。',
  photos: [PHOTO],
  problems: [
    {
      index: 9,
      title: ' 缺焊工 ',
      description: '缺 20 名焊工。',
      category: 'labour',
      urgency: 'normal',
      contact: { name: '王经理', phone: '13800138000' },
      location: null,
      photoIds: ['ph-1'],
    },
  ],
  needIds: ['n-1'],
  planned: true,
  taskListId: 'tl-1',
  at: AT,
  ...over,
});
const error = (fn: () => void): DomainError => {
  try {
    fn();
  } catch (e) {
    return e as DomainError;
  }
  throw new Error('expected a DomainError');
};

describe('Visit', () => {
  it('records the visit in the zone’s month, announcing the problems with their photos and the instructor’s grids', () => {
    const v = Visit.record(input());
    expect(v.snapshot()).toMatchObject({ month: '2026-03', companions: ['王书记'], version: 1 });
    const [c] = v.pullChanges();
    expect(c.eventType).toBe('outreach.visit-recorded');
    expect(c.actor).toEqual({ id: 'u-ins', role: 'instructor' });
    expect(c.payload).toMatchObject({
      month: '2026-03',
      planned: true,
      instructor: { gridIds: ['grid-1'] },
      problems: [{ index: 0, title: '缺焊工', photos: [PHOTO] }],
      photoCount: 1,
      needIds: ['n-1'],
    });
    expect(JSON.stringify(c.payload)).not.toContain('用工缺口');
  });

  it('refuses a visit in the future, a problem without a title, and a problem photo not among the visit’s', () => {
    const e = error(() =>
      Visit.record(
        input({
          visitedAt: new Date(AT.getTime() + 3600_000),
          problems: [{ ...input().problems[0], title: ' ', photoIds: ['ph-x'] }],
        }),
      ),
    );
    expect(e.details.errors).toEqual([
      { field: 'visitedAt', messages: ['cannot be in the future'] },
      { field: 'problems.0.title', messages: ['title is required'] },
      { field: 'problems.0.photoIds', messages: ['not among the visit’s photoIds: ph-x'] },
    ]);
  });

  it('links each problem to its ticket once: the same report again is no change, another ticket is refused', () => {
    const v = Visit.record(input());
    v.pullChanges();
    const system = { id: 'system', role: 'system' as const };
    expect(
      v.linkTicket({ problemIndex: 0, ticketId: 't-1', ticketNumber: 'CS-2026-000007' }, system, AT),
    ).toBe(true);
    expect(
      v.linkTicket({ problemIndex: 0, ticketId: 't-1', ticketNumber: 'CS-2026-000007' }, system, AT),
    ).toBe(false);
    expect(
      error(() => v.linkTicket({ problemIndex: 0, ticketId: 't-2', ticketNumber: 'x' }, system, AT)).code,
    ).toBe('validation');
    expect(
      error(() => v.linkTicket({ problemIndex: 5, ticketId: 't-3', ticketNumber: 'x' }, system, AT)).code,
    ).toBe('validation');
    const changes = v.pullChanges();
    expect(changes).toHaveLength(1);
    expect(changes[0]).toMatchObject({
      eventType: 'outreach.visit-linked',
      version: 2,
      payload: {
        visitId: 'v-1',
        ticketId: 't-1',
        ticketNumber: 'CS-2026-000007',
        instructorUserId: 'u-ins',
        month: '2026-03',
      },
    });
  });
});
