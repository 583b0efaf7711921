import { PlanCandidate, proposePlan } from './visit-plan';

const c = (id: string, keyEnterprise: boolean, lastVisitMonth: string | null): PlanCandidate => ({
  enterpriseId: id,
  enterpriseName: id,
  gridId: 'grid-1',
  keyEnterprise,
  lastVisitMonth,
});
const defaults = { keyMonths: 1, allMonths: 3 };

describe('proposePlan', () => {
  it('key enterprises monthly, the others when not visited in the two months before (quarterly)', () => {
    const plan = proposePlan(
      [
        c('key-visited-last-month', true, '2026-02'),
        c('key-visited-this-month', true, '2026-03'),
        c('visited-january', false, '2026-01'),
        c('visited-december', false, '2025-12'),
        c('never-visited', false, null),
      ],
      '2026-03',
      defaults,
    );
    expect(plan.map((p) => [p.enterpriseId, p.reason])).toEqual([
      ['key-visited-last-month', 'key_enterprise'],
      ['never-visited', 'due'],
      ['visited-december', 'due'],
    ]);
  });

  it('follows the settings: key enterprises every 2 months, the others every 6', () => {
    const plan = proposePlan(
      [
        c('key-feb', true, '2026-02'),
        c('key-jan', true, '2026-01'),
        c('other-oct', false, '2025-10'),
        c('other-sep', false, '2025-09'),
      ],
      '2026-03',
      { keyMonths: 2, allMonths: 6 },
    );
    expect(plan.map((p) => p.enterpriseId)).toEqual(['key-jan', 'other-sep']);
  });

  it('crosses the year', () => {
    expect(proposePlan([c('a', false, '2025-10')], '2026-01', defaults)).toHaveLength(1);
    expect(proposePlan([c('a', false, '2025-11')], '2026-01', defaults)).toHaveLength(0);
  });
});
