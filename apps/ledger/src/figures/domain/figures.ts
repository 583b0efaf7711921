import { CounterName, Counters } from './counters';

/** A rate: numerator ÷ denominator, both counters; satisfaction weighs 基本满意 by w. */
export interface FigureDefinition {
  key: FigureKey | 'triageRate';
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
    formulaZh: '按时签收数 ÷ 应签收数；每次分派（含转办前的首办部门）单独计算，撤回的诉求不计',
    formulaEn:
      'assignments acknowledged within the response deadline ÷ assignments due (acknowledged, or deadline passed); each stint as lead counts for its department; withdrawn tickets excluded',
    numerator: [{ counter: 'ackOnTime', weight: 'one' }],
    denominator: 'ackDue',
  },
  onTimeResolutionRate: {
    key: 'onTimeResolutionRate',
    zh: '按时办结率',
    en: 'On-time resolution rate',
    formulaZh: '按时办结数 ÷ 应办结数；时限为办结时的有效时限（含批准延期），以首次办结为准，计入现承办部门',
    formulaEn:
      'tickets first resolved within the deadline in force (approved extensions included) ÷ tickets due (resolved, or deadline passed); counted for the current lead department',
    numerator: [{ counter: 'resolvedOnTime', weight: 'one' }],
    denominator: 'resolveDue',
  },
  replyRate: {
    key: 'replyRate',
    zh: '限期反馈率',
    en: 'Reply rate',
    formulaZh: '限期内答复数 ÷ 应反馈数（目标 100%）；合并到主诉求的重复诉求不再计为一次应反馈',
    formulaEn:
      'tickets answered within the reply deadline ÷ tickets due (answered, or deadline passed); the target is 100%; a duplicate merged into a main ticket is not a second reply due',
    numerator: [{ counter: 'repliedOnTime', weight: 'one' }],
    denominator: 'replyDue',
  },
  resolutionRate: {
    key: 'resolutionRate',
    zh: '解决率',
    en: 'Resolution rate',
    formulaZh:
      '企业评价“已解决”数 ÷ 收到评价数；收到评价数 = 企业自评 + 党委回访取得的评价（显示为“n（其中回访 m）”）；未评价的不计入分母；合并的重复诉求由其企业各自评价，各计一次',
    formulaEn:
      '"solved" answers ÷ feedback received; feedback received = given by the enterprise + recorded by the committee on a callback (shown as "n, of which m by callback"); tickets without feedback are not in the denominator; a merged duplicate\'s enterprise rates it and that rating counts',
    numerator: [{ counter: 'solved', weight: 'one' }],
    denominator: 'feedback',
  },
  satisfactionRate: {
    key: 'satisfactionRate',
    zh: '满意率',
    en: 'Satisfaction rate',
    formulaZh:
      '（满意数 + w × 基本满意数）÷ 收到评价数（含党委回访取得的评价）；w 为设置项 LEDGER_SATISFACTION_WEIGHT（默认 0.9）；未评价不计为满意',
    formulaEn:
      '(satisfied + w × basically satisfied) ÷ feedback received (callbacks included); w is the setting LEDGER_SATISFACTION_WEIGHT (default 0.9); no feedback is never satisfied',
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
    formulaEn:
      'assignments ended by an approved transfer ÷ assignments; counted for the department that handed it on (first-handler responsibility)',
    numerator: [{ counter: 'transfers', weight: 'one' }],
    denominator: 'assignments',
  },
  reopenRate: {
    key: 'reopenRate',
    zh: '重办率',
    en: 'Reopen rate',
    formulaZh: '被重办（至少一次）的诉求数 ÷ 已办结诉求数',
    formulaEn: 'resolved tickets reopened at least once ÷ tickets resolved',
    numerator: [{ counter: 'reopened', weight: 'one' }],
    denominator: 'resolved',
  },
};

/**
 * The committee's own figure: how fast its desk assigns what no rule routed (分派及时率). It is
 * the committee's, not a department's: it is shown in the overview's totals and in no ranking.
 */
export const TRIAGE_RATE: FigureDefinition = {
  key: 'triageRate',
  zh: '分派及时率',
  en: 'Triage timeliness',
  formulaZh:
    '在分派时限内完成人工分派的诉求数 ÷ 分派计时已结束（按时或超时）的诉求数；撤回的不计；计入综合党委，不参与部门排名',
  formulaEn:
    "tickets the committee's desk assigned within the triage deadline ÷ triage clocks stopped (met or breached); withdrawn tickets excluded; the committee's figure, in no department ranking",
  numerator: [{ counter: 'triageOnTime', weight: 'one' }],
  denominator: 'triageStopped',
};

/** Every figure that can be explained: the departments' seven and the committee's own. */
export const EXPLAINABLE: Record<ExplainableKey, FigureDefinition> = { ...FIGURES, triageRate: TRIAGE_RATE };
export const EXPLAINABLE_KEYS = [...FIGURE_KEYS, 'triageRate'] as const;
export type ExplainableKey = FigureKey | 'triageRate';

/** "n（其中回访 m）": feedback received, and how much of it came by callback. */
export const feedbackText = (c: Pick<Counters, 'feedback' | 'feedbackByCallback'>): string =>
  c.feedbackByCallback ? `${c.feedback}（其中回访 ${c.feedbackByCallback}）` : String(c.feedback);

/** A rate in [0, 1] rounded to 4 places, or null when nothing was due (no 0/0 "100%"). */
export function rate(def: FigureDefinition, c: Counters, satisfactionWeight: number): number | null {
  const d = c[def.denominator];
  if (!d) return null;
  const n = def.numerator.reduce(
    (sum, part) => sum + c[part.counter] * (part.weight === 'one' ? 1 : satisfactionWeight),
    0,
  );
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

/** How tickets are attributed to months and departments, and counted once or apart (merges, callbacks). */
export const ATTRIBUTION = {
  zh: '诉求按受理（提交）月份归入统计月（北京时间）；除响应率与回退率按每次分派计入当时的承办部门外，其余指标计入现承办部门；企业撤回的诉求不计入任何比率；联办诉求只计入牵头部门。合并：被合并到主诉求的重复诉求不再计为一次受理、应办结、已办结、应反馈、重办或延期（主诉求计一次）；其企业的评价照常计入评价类指标；其分派与签收照常计入响应率与回退率。回访：党委回访取得的评价与企业自评同样计入“收到评价数”，并单独列出其中回访的数目。',
  en: 'A ticket counts in the month it was submitted (Asia/Shanghai). Response and transfer rates count each lead period for the department that held it; every other figure counts for the current lead department. Withdrawn tickets are in no rate. Jointly handled tickets count for the lead department only. Merging: a duplicate merged into a main ticket is not counted again as received, due, resolved, answered, reopened or extended (the main ticket counts once); its enterprise’s rating counts in the feedback figures like any other; its assignments and acknowledgements count in the response and transfer rates. Callbacks: answers the committee records on a callback count in "feedback received" like the enterprise’s own, and how many of them came by callback is shown beside it.',
};

export const RANKING_FORMULA = {
  zh: '综合得分 = 加权平均（响应率 0.2、按时办结率 0.3、限期反馈率 0.2、满意率 0.3；无数据的指标不参与平均）− 0.1 × 回退率 − 0.1 × 重办率；得分相同按受理数降序',
  en: 'score = weighted mean of (response 0.2, on-time resolution 0.3, reply 0.2, satisfaction 0.3; rates without data leave the mean) − 0.1 × transfer rate − 0.1 × reopen rate; ties by tickets received, descending',
};
