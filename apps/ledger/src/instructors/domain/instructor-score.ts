import { InstructorWeights } from '../../figures/domain/weights';

/** One instructor's month as the ledger folded it from outreach and ticket events. */
export interface InstructorMonth {
  month: string;
  /** Enterprises on the instructor's published task list (its latest revision). */
  planned: { enterpriseId: string; enterpriseName: string }[];
  visits: {
    visitId: string;
    enterpriseId: string;
    enterpriseName: string;
    visitedAt: string;
    mode: string;
    planned: boolean;
    problems: number;
  }[];
  /** Tickets submitted for the visits' problems (outreach.visit-linked), with their outcome now. */
  tickets: {
    visitId: string;
    ticketId: string;
    number: string;
    title: string | null;
    solved: boolean | null;
    satisfaction: string | null;
  }[];
  /** Work-log entries of kind activity (活动). */
  activities: { entryId: string; day: string; title: string }[];
}

export interface InstructorFigures {
  /** Planned enterprises, summed over the months (an enterprise on two months' lists counts twice). */
  planned: number;
  /** Of those, visited at least once in their month. */
  visitedPlanned: number;
  notVisited: number;
  visitedUnplanned: number;
  /** visitedPlanned ÷ planned, 4 places; null when nothing was planned. */
  completionRate: number | null;
  visits: number;
  problems: number;
  tickets: number;
  solved: number;
  rated: number;
  satisfied: number;
  basicallySatisfied: number;
  /** (满意 + w × 基本满意) ÷ rated, 4 places; null when none was rated. */
  satisfactionRate: number | null;
  activities: number;
}

export interface InstructorPoints {
  plan: number;
  problems: number;
  solved: number;
  satisfaction: number;
  activities: number;
}

const round4 = (v: number) => Math.round(v * 10000) / 10000;
const round1 = (v: number) => Math.round(v * 10) / 10;

/**
 * Plan against done, by enterprise within each month (an enterprise visited twice is one planned
 * visit done), work by visit: the outreach service's own comparison (对比), summed over the months.
 */
export function instructorFigures(
  months: readonly InstructorMonth[],
  satisfactionWeight: number,
): InstructorFigures {
  let planned = 0;
  let visitedPlanned = 0;
  let visitedUnplanned = 0;
  let visits = 0;
  let problems = 0;
  const outcomes: InstructorMonth['tickets'] = [];
  let activities = 0;
  for (const m of months) {
    const plan = new Set(m.planned.map((p) => p.enterpriseId));
    const visited = new Set(m.visits.map((v) => v.enterpriseId));
    planned += plan.size;
    visitedPlanned += [...plan].filter((e) => visited.has(e)).length;
    visitedUnplanned += [...visited].filter((e) => !plan.has(e)).length;
    visits += m.visits.length;
    problems += m.visits.reduce((n, v) => n + v.problems, 0);
    outcomes.push(...m.tickets);
    activities += m.activities.length;
  }
  const rated = outcomes.filter((t) => !!t.satisfaction);
  const satisfied = rated.filter((t) => t.satisfaction === 'satisfied').length;
  const basicallySatisfied = rated.filter((t) => t.satisfaction === 'basically_satisfied').length;
  return {
    planned,
    visitedPlanned,
    notVisited: planned - visitedPlanned,
    visitedUnplanned,
    completionRate: planned ? round4(visitedPlanned / planned) : null,
    visits,
    problems,
    tickets: outcomes.length,
    solved: outcomes.filter((t) => t.solved === true).length,
    rated: rated.length,
    satisfied,
    basicallySatisfied,
    satisfactionRate: rated.length
      ? round4((satisfied + satisfactionWeight * basicallySatisfied) / rated.length)
      : null,
    activities,
  };
}

/** Each part of the score, one decimal; a part without data (nothing planned, nothing rated) is 0. */
export function instructorPoints(f: InstructorFigures, w: InstructorWeights): InstructorPoints {
  return {
    plan: round1((f.completionRate ?? 0) * w.plan),
    problems: round1(f.problems * w.problems),
    solved: round1(f.solved * w.solved),
    satisfaction: round1((f.satisfactionRate ?? 0) * w.satisfaction),
    activities: round1(f.activities * w.activities),
  };
}

export const totalPoints = (p: InstructorPoints): number =>
  round1(p.plan + p.problems + p.solved + p.satisfaction + p.activities);

export function instructorFormula(
  w: InstructorWeights,
  satisfactionWeight: number,
): { zh: string; en: string } {
  return {
    zh:
      `量化积分 = 走访完成率 × ${w.plan} + 收集问题数 × ${w.problems} + 已解决数 × ${w.solved} + 满意率 × ${w.satisfaction} + 组织活动数 × ${w.activities}。` +
      `走访完成率 = 计划内已走访企业数 ÷ 任务清单企业数（按月以企业计，一月内多次走访同一企业计一次；以当月最新发布的任务清单为准）；` +
      `收集问题数 = 走访中提出的问题数；已解决数、满意率按走访问题转成的诉求计（企业最新评价；满意率 =（满意 + ${satisfactionWeight} × 基本满意）÷ 已评价数）；` +
      `组织活动数 = 工作日志中类型为“活动”的条目数；无计划或无评价的部分计 0 分；权重为设置项 LEDGER_INSTRUCTOR_WEIGHTS。`,
    en:
      `score = plan completion × ${w.plan} + problems collected × ${w.problems} + solved × ${w.solved} + satisfaction rate × ${w.satisfaction} + activities × ${w.activities}. ` +
      `Plan completion = planned enterprises visited ÷ enterprises on the task list (per month, by enterprise; the latest published revision counts); ` +
      `problems = problems raised in visits; solved and satisfaction over the tickets submitted for them (the enterprise's latest feedback; satisfaction = (satisfied + ${satisfactionWeight} × basically satisfied) ÷ rated); ` +
      `activities = work-log entries of kind activity; a part without data (no plan, nothing rated) scores 0; weights: the setting LEDGER_INSTRUCTOR_WEIGHTS.`,
  };
}

export interface RankedInstructor {
  rank: number;
  instructorUserId: string;
  name: string;
  score: number;
  points: InstructorPoints;
  figures: InstructorFigures;
}

/** Best first: by score, then more visits, then by name. */
export function rankInstructors(
  rows: { instructorUserId: string; name: string; months: InstructorMonth[] }[],
  w: InstructorWeights,
  satisfactionWeight: number,
): RankedInstructor[] {
  return rows
    .map((r) => {
      const figures = instructorFigures(r.months, satisfactionWeight);
      const points = instructorPoints(figures, w);
      return {
        instructorUserId: r.instructorUserId,
        name: r.name,
        score: totalPoints(points),
        points,
        figures,
      };
    })
    .sort(
      (a, b) =>
        b.score - a.score ||
        b.figures.visits - a.figures.visits ||
        a.name.localeCompare(b.name, 'zh') ||
        a.instructorUserId.localeCompare(b.instructorUserId),
    )
    .map((r, i) => ({ rank: i + 1, ...r }));
}
