import { CounterName, Counters } from './counters';

/** A rate: numerator ÷ denominator, both counters; satisfaction weighs 基本满意 by w. */
export interface FigureDefinition {
  key: FigureKey;
  zh: string;
  en: string;
  formulaZh: string;
  formulaEn: string;
  numerator: { counter: CounterName; weight: 'one' | 'satisfactionWeight' }[];
  denominator: CounterName;
}

export const FIGURE_KEYS = [
  'responseRate',
  'onTimeResolutionRate',
  'replyRate',
  'resolutionRate',
  'satisfactionRate',
  'transferRate',
  'reopenRate',
] as const;
export type FigureKey = (typeof FIGURE_KEYS)[number];

export const FIGURES: Record<FigureKey, FigureDefinition> = {
  responseRate: {
    key: 'responseRate',
    zh: '响应率（及时签收率）',
    en: 'Response rate',
    formulaZh: '按时签收数 ÷ 应签收数；每次分派（含转办前的首办部门）单独计算，撤回的工单不计',
    formulaEn: 'assignments acknowledged within the response deadline ÷ assignments due (acknowledged, or deadline passed); each stint as lead counts for its department; withdrawn tickets excluded',
    numerator: [{ counter: 'ackOnTime', weight: 'one' }],
    denominator: 'ackDue',
  },
  onTimeResolutionRate: {
    key: 'onTimeResolutionRate',
    zh: '按时办结率',
    en: 'On-time resolution rate',
    formulaZh: '按时办结数 ÷ 应办结数；时限为办结时的有效时限（含批准延期），以首次办结为准，计入现承办部门',
    formulaEn: 'tickets first resolved within the deadline in force (approved extensions included) ÷ tickets due (resolved, or deadline passed); counted for the current lead department',
    numerator: [{ counter: 'resolvedOnTime', weight: 'one' }],
    denominator: 'resolveDue',
  },
  replyRate: {
    key: 'replyRate',
    zh: '限期反馈率',
    en: 'Reply rate',
    formulaZh: '限期内答复数 ÷ 应反馈数（目标 100%）',
    formulaEn: 'tickets answered within the reply deadline ÷ tickets due (answered, or deadline passed); the target is 100%',
    numerator: [{ counter: 'repliedOnTime', weight: 'one' }],
    denominator: 'replyDue',
  },
  resolutionRate: {
    key: 'resolutionRate',
    zh: '解决率',
    en: 'Resolution rate',
    formulaZh: '企业评价“已解决”数 ÷ 收到评价数；未评价的不计入分母',
    formulaEn: '"solved" answers ÷ feedback received; tickets without feedback are not in the denominator',
    numerator: [{ counter: 'solved', weight: 'one' }],
    denominator: 'feedback',
  },
  satisfactionRate: {
    key: 'satisfactionRate',
    zh: '满意率',
    en: 'Satisfaction rate',
    formulaZh: '（满意数 + w × 基本满意数）÷ 收到评价数；w 为设置项 LEDGER_SATISFACTION_WEIGHT（默认 0.9）；未评价不计为满意',
    formulaEn: '(satisfied + w × basically satisfied) ÷ feedback received; w is the setting LEDGER_SATISFACTION_WEIGHT (default 0.9); no feedback is never satisfied',
    numerator: [
      { counter: 'satisfied', weight: 'one' },
      { counter: 'basicallySatisfied', weight: 'satisfactionWeight' },
    ],
    denominator: 'feedback',
  },
  transferRate: {
    key: 'transferRate',
    zh: '回退率（转办率）',
    en: 'Transfer rate',
    formulaZh: '经批准转出的分派次数 ÷ 分派次数；计入转出部门（首办负责制）',
    formulaEn: 'assignments ended by an approved transfer ÷ assignments; counted for the department that handed it on (first-handler responsibility)',
    numerator: [{ counter: 'transfers', weight: 'one' }],
    denominator: 'assignments',
  },
  reopenRate: {
    key: 'reopenRate',
    zh: '重办率',
    en: 'Reopen rate',
    formulaZh: '被重办（至少一次）的工单数 ÷ 已办结工单数',
    formulaEn: 'resolved tickets reopened at least once ÷ tickets resolved',
    numerator: [{ counter: 'reopened', weight: 'one' }],
    denominator: 'resolved',
  },
};

/** A rate in [0, 1] rounded to 4 places, or null when nothing was due (no 0/0 "100%"). */
export function rate(def: FigureDefinition, c: Counters, satisfactionWeight: number): number | null {
  const d = c[def.denominator];
  if (!d) return null;
  const n = def.numerator.reduce((sum, part) => sum + c[part.counter] * (part.weight === 'one' ? 1 : satisfactionWeight), 0);
  return Math.round((n / d) * 10000) / 10000;
}

export type Rates = Record<FigureKey, number | null>;

export function rates(c: Counters, satisfactionWeight: number): Rates {
  return Object.fromEntries(FIGURE_KEYS.map((k) => [k, rate(FIGURES[k], c, satisfactionWeight)])) as Rates;
}

/**
 * Monthly ranking score: a weighted mean of the rates a department has (missing ones leave the
 * mean, they do not count as zero), less the anti-gaming pair. Documented in the definitions.
 */
export const RANKING_WEIGHTS: Partial<Record<FigureKey, number>> = {
  responseRate: 0.2,
  onTimeResolutionRate: 0.3,
  replyRate: 0.2,
  satisfactionRate: 0.3,
};
export const RANKING_PENALTIES: Partial<Record<FigureKey, number>> = { transferRate: 0.1, reopenRate: 0.1 };

export function rankingScore(r: Rates): number | null {
  let weight = 0;
  let sum = 0;
  for (const [k, w] of Object.entries(RANKING_WEIGHTS) as [FigureKey, number][]) {
    const v = r[k];
    if (v === null) continue;
    weight += w;
    sum += w * v;
  }
  if (!weight) return null;
  let score = sum / weight;
  for (const [k, w] of Object.entries(RANKING_PENALTIES) as [FigureKey, number][]) score -= w * (r[k] ?? 0);
  return Math.round(score * 10000) / 10000;
}

export const RANKING_FORMULA = {
  zh: '综合得分 = 加权平均（响应率 0.2、按时办结率 0.3、限期反馈率 0.2、满意率 0.3；无数据的指标不参与平均）− 0.1 × 回退率 − 0.1 × 重办率；得分相同按受理数降序',
  en: 'score = weighted mean of (response 0.2, on-time resolution 0.3, reply 0.2, satisfaction 0.3; rates without data leave the mean) − 0.1 × transfer rate − 0.1 × reopen rate; ties by tickets received, descending',
};
