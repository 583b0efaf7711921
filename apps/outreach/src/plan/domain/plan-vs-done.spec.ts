import { planVsDone } from './plan-vs-done';

const at = (day: number) => new Date(Date.UTC(2026, 2, day, 2));

describe('planVsDone', () => {
  it('counts the plan by enterprise and the work by visit, with the tickets’ outcomes', () => {
    const r = planVsDone({
      instructorUserId: 'u-ins',
      instructorName: '李指导员',
      month: '2026-03',
      planned: [
        { enterpriseId: 'a', enterpriseName: 'A' },
        { enterpriseId: 'b', enterpriseName: 'B' },
        { enterpriseId: 'c', enterpriseName: 'C' },
      ],
      visits: [
        {
          enterpriseId: 'a',
          enterpriseName: 'A',
          visitedAt: at(3),
          problemCount: 2,
          ticketIds: ['t1', 't2'],
        },
        { enterpriseId: 'a', enterpriseName: 'A', visitedAt: at(20), problemCount: 0, ticketIds: [] },
        { enterpriseId: 'x', enterpriseName: 'X', visitedAt: at(9), problemCount: 1, ticketIds: [] },
      ],
      outcomes: new Map([
        ['t1', { solved: true, satisfaction: 'satisfied' }],
        ['t2', { solved: false, satisfaction: null }],
      ]),
    });
    expect(r).toMatchObject({
      planned: 3,
      visitedPlanned: 1,
      notVisited: 2,
      visitedUnplanned: 1,
      enterprisesVisited: 2,
      visits: 3,
      problems: 3,
      tickets: 2,
      solved: 1,
      rated: 1,
      completionRate: 1 / 3,
    });
    expect(r.enterprises.map((e) => [e.enterpriseId, e.planned, e.visits, e.lastVisitedAt])).toEqual([
      ['a', true, 2, at(20).toISOString()],
      ['b', true, 0, null],
      ['c', true, 0, null],
      ['x', false, 1, at(9).toISOString()],
    ]);
  });

  it('nothing planned: no completion rate, every visit unplanned', () => {
    const r = planVsDone({
      instructorUserId: 'u',
      instructorName: 'n',
      month: '2026-03',
      planned: [],
      visits: [{ enterpriseId: 'a', enterpriseName: 'A', visitedAt: at(1), problemCount: 0, ticketIds: [] }],
      outcomes: new Map(),
    });
    expect(r).toMatchObject({ planned: 0, visitedUnplanned: 1, completionRate: null });
  });
});
