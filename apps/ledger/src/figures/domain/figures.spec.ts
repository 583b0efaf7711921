import { COUNTERS, zeroCounters } from './counters';
import { ATTRIBUTION, EXPLAINABLE, FIGURES, RANKING_FORMULA, rankingScore, rate, rates } from './figures';

describe('figures', () => {
  const c = {
    ...zeroCounters(),
    feedback: 5,
    satisfied: 3,
    basicallySatisfied: 2,
    solved: 4,
    ackDue: 9,
    ackOnTime: 8,
  };

  it('satisfaction weighs 基本满意 by the setting', () => {
    expect(rate(FIGURES.satisfactionRate, c, 0.9)).toBe(0.96);
    expect(rate(FIGURES.satisfactionRate, c, 1)).toBe(1);
    expect(rate(FIGURES.satisfactionRate, c, 0)).toBe(0.6);
  });

  it('nothing due is no figure at all, never 0% or 100%', () => {
    const r = rates(zeroCounters(), 0.9);
    expect(Object.values(r).every((v) => v === null)).toBe(true);
  });

  it('rounds to four places', () => {
    expect(rate(FIGURES.responseRate, c, 0.9)).toBe(0.8889);
  });

  it('ranking: the weighted mean of the rates a department has, less the anti-gaming pair', () => {
    const full = {
      responseRate: 1,
      onTimeResolutionRate: 1,
      replyRate: 1,
      resolutionRate: 1,
      satisfactionRate: 1,
      transferRate: 0,
      reopenRate: 0,
    };
    expect(rankingScore(full)).toBe(1);
    expect(rankingScore({ ...full, transferRate: 0.5 })).toBe(0.95);
    // Missing rates leave the mean instead of counting as zero.
    expect(
      rankingScore({ ...full, replyRate: null, satisfactionRate: null, onTimeResolutionRate: 0.5 }),
    ).toBe(0.7);
    expect(
      rankingScore({
        ...full,
        responseRate: null,
        onTimeResolutionRate: null,
        replyRate: null,
        satisfactionRate: null,
      }),
    ).toBeNull();
  });
});

describe('the published words', () => {
  it('say 诉求 and 转办, never 工单 or 退单, in every counter, figure and formula shown beside a number', () => {
    const texts = [
      ...Object.values(COUNTERS).map((c) => c.zh),
      ...Object.values(EXPLAINABLE).flatMap((f) => [f.zh, f.formulaZh]),
      ATTRIBUTION.zh,
      RANKING_FORMULA.zh,
    ];
    expect(texts.length).toBeGreaterThan(30);
    for (const t of texts) expect([t, /工单|退单|。。/.test(t)]).toEqual([t, false]);
  });
});
