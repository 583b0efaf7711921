import { FIGURE_KEYS, FigureKey, RANKING_PENALTIES, RANKING_WEIGHTS, Rates } from './figures';

/**
 * Weights written as one setting each: `name:number` pairs separated by commas, every name given
 * once. Parsing returns the weights or the problem, so the environment check can name the variable.
 */
function parsePairs(
  text: string,
  names: readonly string[],
  range: [number, number],
): { ok: true; weights: Record<string, number> } | { ok: false; problem: string } {
  const weights: Record<string, number> = {};
  for (const part of text.split(',').map((p) => p.trim())) {
    const m = /^([A-Za-z]+)\s*:\s*(-?\d+(?:\.\d+)?)$/.exec(part);
    if (!m) return { ok: false, problem: `"${part}" is not name:number` };
    const [, name, value] = m;
    if (!names.includes(name)) return { ok: false, problem: `${name} is not one of ${names.join(', ')}` };
    if (name in weights) return { ok: false, problem: `${name} is given twice` };
    const n = Number(value);
    if (n < range[0] || n > range[1])
      return { ok: false, problem: `${name} must be between ${range[0]} and ${range[1]}` };
    weights[name] = n;
  }
  const missing = names.filter((n) => !(n in weights));
  if (missing.length) return { ok: false, problem: `missing ${missing.join(', ')}` };
  return { ok: true, weights };
}

// ---- Instructor scores (量化积分) ----

export const INSTRUCTOR_WEIGHT_NAMES = ['plan', 'problems', 'solved', 'satisfaction', 'activities'] as const;
export type InstructorWeightName = (typeof INSTRUCTOR_WEIGHT_NAMES)[number];
export type InstructorWeights = Record<InstructorWeightName, number>;

/** The default: a full plan is worth 40 points, satisfaction 20, each problem 2, each solved 3, each activity 2. */
export const DEFAULT_INSTRUCTOR_WEIGHTS = 'plan:40,problems:2,solved:3,satisfaction:20,activities:2';

export function parseInstructorWeights(text: string) {
  const r = parsePairs(text, INSTRUCTOR_WEIGHT_NAMES, [0, 1000]);
  return r.ok ? { ok: true as const, weights: r.weights as InstructorWeights } : r;
}

// ---- Yearly evaluation of departments (年考评) ----

/** A rate's weight: positive ones make the weighted mean, negative ones are subtracted (× the rate). */
export type EvaluationWeights = Record<FigureKey, number>;

/** The default is the monthly ranking's formula, so that the year and its months agree unless the committee says otherwise. */
export const DEFAULT_EVALUATION_WEIGHTS = FIGURE_KEYS.map(
  (k) => `${k}:${RANKING_WEIGHTS[k] ?? -(RANKING_PENALTIES[k] ?? 0)}`,
).join(',');

export function parseEvaluationWeights(text: string) {
  const r = parsePairs(text, FIGURE_KEYS, [-1, 1]);
  if (!r.ok) return r;
  if (!Object.values(r.weights).some((w) => w > 0))
    return { ok: false as const, problem: 'at least one rate needs a positive weight' };
  return { ok: true as const, weights: r.weights as EvaluationWeights };
}

/**
 * The evaluation score in [0, 1] (shown ×100): the weighted mean of the rates with a positive weight
 * that have data (those without leave the mean), less |w| × each rate with a negative weight.
 */
export function evaluationScore(r: Rates, weights: EvaluationWeights): number | null {
  let weight = 0;
  let sum = 0;
  for (const k of FIGURE_KEYS) {
    const w = weights[k];
    const v = r[k];
    if (w <= 0 || v === null) continue;
    weight += w;
    sum += w * v;
  }
  if (!weight) return null;
  let score = sum / weight;
  for (const k of FIGURE_KEYS) if (weights[k] < 0) score -= -weights[k] * (r[k] ?? 0);
  return Math.round(score * 10000) / 10000;
}

export function evaluationFormula(weights: EvaluationWeights, names: Record<FigureKey, string>): string {
  const plus = FIGURE_KEYS.filter((k) => weights[k] > 0).map((k) => `${names[k]} ${weights[k]}`);
  const minus = FIGURE_KEYS.filter((k) => weights[k] < 0).map((k) => ` − ${-weights[k]} × ${names[k]}`);
  return `年度考评得分 = 加权平均（${plus.join('、')}；无数据的指标不参与平均）${minus.join('')}；权重为设置项 LEDGER_EVALUATION_WEIGHTS`;
}
