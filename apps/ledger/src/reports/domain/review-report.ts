import { COUNTER_NAMES, Counters, zeroCounters } from '../../figures/domain/counters';
import {
  FIGURE_KEYS,
  FigureKey,
  FIGURES,
  feedbackText,
  rankingScore,
  RANKING_FORMULA,
  rate,
  rates,
  Rates,
  TRIAGE_RATE,
} from '../../figures/domain/figures';
import { MeetingCounts } from '../../figures/domain/meeting-counts';
import { EvaluationWeights, evaluationFormula, evaluationScore } from '../../figures/domain/weights';
import { RankedInstructor } from '../../instructors/domain/instructor-score';
import {
  CHANNEL_ZH,
  chinaTime,
  percent,
  scoreValue,
  STATUS_ZH,
  SUPERVISION_ZH,
} from '../../exports/domain/formats';
import { Period, periodZh } from '../../shared/period';
import { ReportDocument, ReportSection } from './report-document';

/** A rate with what it is made of: the numerator (weighted, for satisfaction) over the denominator. */
export interface RatePart {
  numerator: number;
  denominator: number;
  value: number | null;
}

export function rateParts(c: Counters, satisfactionWeight: number): Record<FigureKey, RatePart> {
  return Object.fromEntries(
    FIGURE_KEYS.map((k) => {
      const def = FIGURES[k];
      const numerator = def.numerator.reduce(
        (s, p) => s + c[p.counter] * (p.weight === 'one' ? 1 : satisfactionWeight),
        0,
      );
      return [
        k,
        {
          numerator: Math.round(numerator * 10000) / 10000,
          denominator: c[def.denominator],
          value: rate(def, c, satisfactionWeight),
        },
      ];
    }),
  ) as Record<FigureKey, RatePart>;
}

export interface ReportDepartment {
  rank: number;
  departmentId: string;
  name: string;
  /** The score the report ranks by: the published ranking score (quarter) or the yearly evaluation (year), 0–1. */
  score: number | null;
  rankingScore: number | null;
  received: number;
  counters: Counters;
  rates: Rates;
  parts: Record<FigureKey, RatePart>;
}

export interface ReportTicket {
  ticketId: string;
  number: string;
  title: string;
  enterpriseName: string;
  departmentId: string;
  departmentName: string;
  status: string | null;
  resolveDueAt: string | null;
  resolvedAt: string | null;
  replyDueAt: string | null;
  repliedAt: string | null;
  reopenCount: number;
  superviseLevel: string | null;
  result: string | null;
  replyMessage: string | null;
}

export interface ReportMeeting {
  meetingId: string;
  title: string | null;
  heldAt: string | null;
  place: string | null;
  summary: string | null;
  decisions: {
    decisionId: string;
    title: string | null;
    task: string | null;
    leadDepartmentId: string | null;
    leadDepartmentName: string;
    dueAt: string | null;
    breached: boolean | null;
    cooperation: boolean;
    progress: string | null;
    lastReport: string | null;
    outcome: string | null;
  }[];
}

/** 季度督查 / 年度考评: the one model both renderers and the JSON answer are made from. */
export interface ReviewReport {
  period: string;
  kind: 'quarter' | 'year';
  title: string;
  from: string;
  to: string;
  months: string[];
  departmentId: string | null;
  generatedAt: string;
  satisfactionWeight: number;
  formula: { ranking: string; evaluation: string | null; instructors: string | null; attribution: string };
  evaluationWeights: EvaluationWeights | null;
  totals: {
    counters: Counters;
    rates: Rates;
    parts: Record<FigureKey, RatePart>;
    feedback: string;
    triageRate: number | null;
  };
  channels: { channel: string; name: string; received: number }[];
  departments: ReportDepartment[];
  instructors: RankedInstructor[] | null;
  overdue: { total: number; tickets: ReportTicket[] };
  reopened: { total: number; tickets: ReportTicket[] };
  supervised: { total: number; tickets: ReportTicket[] };
  meetings: { counts: MeetingCounts; held: ReportMeeting[] };
}

export interface ReviewInput {
  period: Period & { kind: 'quarter' | 'year' };
  departmentId: string | null;
  now: Date;
  satisfactionWeight: number;
  evaluationWeights: EvaluationWeights;
  departmentName: (id: string) => string;
  byDepartment: { key: string; counters: Counters }[];
  instructors: RankedInstructor[] | null;
  instructorFormula: string | null;
  attribution: string;
  overdue: { total: number; tickets: Omit<ReportTicket, 'departmentName'>[] };
  reopened: { total: number; tickets: Omit<ReportTicket, 'departmentName'>[] };
  supervised: { total: number; tickets: Omit<ReportTicket, 'departmentName'>[] };
  meetings: { counts: MeetingCounts; held: MeetingInput[] };
}

type MeetingInput = Omit<ReportMeeting, 'decisions'> & {
  decisions: Omit<ReportMeeting['decisions'][number], 'leadDepartmentName'>[];
};

const CHANNELS = [
  ['web', 'receivedWeb'],
  ['visit', 'receivedVisit'],
  ['phone', 'receivedPhone'],
  ['walk_in', 'receivedWalkIn'],
  ['group_chat', 'receivedGroupChat'],
  ['letter', 'receivedLetter'],
] as const;

/**
 * The departments of a period, best first: by the published ranking score over the period's
 * counters, or for a year by the yearly evaluation (LEDGER_EVALUATION_WEIGHTS); ties by tickets
 * received, then name.
 */
export function rankForPeriod(
  byDepartment: { key: string; counters: Counters }[],
  yearly: boolean,
  w: number,
  evaluationWeights: EvaluationWeights,
  departmentName: (id: string) => string,
): ReportDepartment[] {
  return byDepartment
    .filter((r) => r.key !== '')
    .map((r) => {
      const rs = rates(r.counters, w);
      const ranking = rankingScore(rs);
      return {
        departmentId: r.key,
        name: departmentName(r.key),
        score: yearly ? evaluationScore(rs, evaluationWeights) : ranking,
        rankingScore: ranking,
        received: r.counters.received,
        counters: r.counters,
        rates: rs,
        parts: rateParts(r.counters, w),
      };
    })
    .sort(
      (a, b) =>
        (b.score ?? -Infinity) - (a.score ?? -Infinity) ||
        b.received - a.received ||
        a.name.localeCompare(b.name, 'zh'),
    )
    .map((r, idx) => ({ rank: idx + 1, ...r }));
}

export const reviewTitle = (p: Period): string =>
  p.kind === 'year' ? `${periodZh(p)}度考评报告` : `${periodZh(p)}督查报告`;

/**
 * The report of a quarter (ranked by the published monthly score's formula over the quarter's
 * counters) or a year (ranked by the yearly evaluation, its weights the committee's settings).
 */
export function reviewReport(i: ReviewInput): ReviewReport {
  const w = i.satisfactionWeight;
  const yearly = i.period.kind === 'year';
  const totals = zeroCounters();
  for (const r of i.byDepartment) for (const n of COUNTER_NAMES) totals[n] += r.counters[n];
  const departments = rankForPeriod(i.byDepartment, yearly, w, i.evaluationWeights, i.departmentName).filter(
    (r) => i.departmentId === null || r.departmentId === i.departmentId,
  );
  const named = (list: ReviewInput['overdue']) => ({
    total: list.total,
    tickets: list.tickets.map((t) => ({ ...t, departmentName: i.departmentName(t.departmentId) })),
  });
  return {
    period: i.period.label,
    kind: i.period.kind,
    title: reviewTitle(i.period),
    from: i.period.from,
    to: i.period.to,
    months: i.period.months,
    departmentId: i.departmentId,
    generatedAt: i.now.toISOString(),
    satisfactionWeight: w,
    formula: {
      ranking: RANKING_FORMULA.zh,
      evaluation: yearly
        ? evaluationFormula(
            i.evaluationWeights,
            Object.fromEntries(FIGURE_KEYS.map((k) => [k, FIGURES[k].zh])) as Record<FigureKey, string>,
          )
        : null,
      instructors: i.instructorFormula,
      attribution: i.attribution,
    },
    evaluationWeights: yearly ? i.evaluationWeights : null,
    totals: {
      counters: totals,
      rates: rates(totals, w),
      parts: rateParts(totals, w),
      feedback: feedbackText(totals),
      triageRate: rate(TRIAGE_RATE, totals, w),
    },
    channels: CHANNELS.map(([channel, counter]) => ({
      channel,
      name: CHANNEL_ZH[channel],
      received: totals[counter],
    })),
    departments,
    instructors: i.instructors,
    overdue: named(i.overdue),
    reopened: named(i.reopened),
    supervised: named(i.supervised),
    meetings: {
      counts: i.meetings.counts,
      held: i.meetings.held.map((m) => ({
        ...m,
        decisions: m.decisions.map((d) => ({
          ...d,
          leadDepartmentName: d.leadDepartmentId ? i.departmentName(d.leadDepartmentId) : '',
        })),
      })),
    },
  };
}

const part = (p: RatePart): string =>
  p.value === null
    ? `${p.numerator}/${p.denominator} —`
    : `${p.numerator}/${p.denominator} = ${percent(p.value)}`;

const OUTCOME_ZH: Record<string, string> = { solved: '已解决', unsolved: '未解决', withdrawn: '已撤销' };
const PROGRESS_ZH: Record<string, string> = { in_progress: '推进中', done: '已完成' };

/** The report as its renderers draw it: sections in the order a 督查 reads. */
export function reviewDocument(r: ReviewReport, scope: string | null): ReportDocument {
  const yearly = r.kind === 'year';
  const scoreHeader = yearly ? '考评得分' : '综合得分';
  const sections: ReportSection[] = [];
  sections.push({
    title: '部门排名与指标',
    notes: [
      yearly ? (r.formula.evaluation ?? '') : r.formula.ranking,
      `每个比率写作“分子/分母 = 百分比”；满意率分子中“基本满意”按 ${r.satisfactionWeight} 计；${r.formula.attribution}`,
    ],
    columns: [
      { header: '排名', width: 6 },
      { header: '部门', width: 14 },
      { header: `${scoreHeader}（0–100）`, width: 10, numFmt: '0.0' },
      ...(yearly ? [{ header: '综合得分（月度公式）', width: 10, numFmt: '0.0' }] : []),
      { header: '受理数', width: 8 },
      ...FIGURE_KEYS.map((k) => ({ header: FIGURES[k].zh, width: 16 })),
      { header: '收到评价（其中回访）', width: 12 },
    ],
    rows: r.departments.map((d) => [
      d.rank,
      d.name,
      scoreValue(d.score),
      ...(yearly ? [scoreValue(d.rankingScore)] : []),
      d.received,
      ...FIGURE_KEYS.map((k) => part(d.parts[k])),
      feedbackText(d.counters),
    ]),
  });
  if (!scope) {
    sections.push({
      title: '全区合计',
      notes: ['各部门合计；分派及时率为综合党委自身的指标，不参与部门排名。'],
      columns: [
        { header: '指标', width: 20 },
        { header: '分子/分母 = 比率', width: 24 },
      ],
      rows: [
        ['受理数', r.totals.counters.received],
        ...FIGURE_KEYS.map((k) => [FIGURES[k].zh, part(r.totals.parts[k])]),
        ['收到评价（其中回访）', r.totals.feedback],
        [
          TRIAGE_RATE.zh,
          part({
            numerator: r.totals.counters.triageOnTime,
            denominator: r.totals.counters.triageStopped,
            value: r.totals.triageRate,
          }),
        ],
        ...r.channels.map((c) => [`受理渠道 · ${c.name}`, c.received]),
      ],
    });
  }
  if (r.instructors) {
    sections.push({
      title: '指导员量化积分',
      notes: [r.formula.instructors ?? ''],
      columns: [
        { header: '排名', width: 6 },
        { header: '指导员', width: 12 },
        { header: '积分', width: 8, numFmt: '0.0' },
        { header: '计划走访企业', width: 8 },
        { header: '计划内已走访', width: 8 },
        { header: '走访完成率', width: 9 },
        { header: '走访次数', width: 8 },
        { header: '收集问题', width: 8 },
        { header: '已解决', width: 7 },
        { header: '已评价', width: 7 },
        { header: '满意率', width: 8 },
        { header: '组织活动', width: 8 },
      ],
      rows: r.instructors.map((s) => [
        s.rank,
        s.name,
        s.score,
        s.figures.planned,
        s.figures.visitedPlanned,
        percent(s.figures.completionRate),
        s.figures.visits,
        s.figures.problems,
        s.figures.solved,
        s.figures.rated,
        percent(s.figures.satisfactionRate),
        s.figures.activities,
      ]),
    });
  }
  const more = (l: { total: number; tickets: unknown[] }) =>
    l.total > l.tickets.length
      ? [`共 ${l.total} 件，此处列出前 ${l.tickets.length} 件。`]
      : [`共 ${l.total} 件。`];
  sections.push({
    title: '超时诉求',
    notes: [
      '办结或答复超过时限（含批准的延期）的诉求，及至今未办结、未答复且已超过时限的诉求；按受理月份归入本期。',
      ...more(r.overdue),
    ],
    columns: [
      { header: '编号', width: 16 },
      { header: '企业', width: 18 },
      { header: '诉求标题', width: 24 },
      { header: '承办部门', width: 12 },
      { header: '办结时限', width: 14 },
      { header: '办结时间', width: 14 },
      { header: '答复时限', width: 14 },
      { header: '答复时间', width: 14 },
      { header: '办理状态', width: 10 },
    ],
    rows: r.overdue.tickets.map((t) => [
      t.number,
      t.enterpriseName,
      t.title,
      t.departmentName,
      chinaTime(t.resolveDueAt),
      t.resolvedAt ? chinaTime(t.resolvedAt) : '未办结',
      chinaTime(t.replyDueAt),
      t.repliedAt ? chinaTime(t.repliedAt) : '未答复',
      STATUS_ZH[t.status ?? ''] ?? '',
    ]),
  });
  sections.push({
    title: '重办诉求',
    notes: ['企业不满意退回重办（至少一次）的诉求。', ...more(r.reopened)],
    columns: [
      { header: '编号', width: 16 },
      { header: '企业', width: 18 },
      { header: '诉求标题', width: 26 },
      { header: '承办部门', width: 12 },
      { header: '重办次数', width: 8 },
      { header: '办理状态', width: 10 },
      { header: '办理结果', width: 30 },
    ],
    rows: r.reopened.tickets.map((t) => [
      t.number,
      t.enterpriseName,
      t.title,
      t.departmentName,
      t.reopenCount,
      STATUS_ZH[t.status ?? ''] ?? '',
      t.result ?? '',
    ]),
  });
  sections.push({
    title: '督办诉求',
    notes: [
      '综合党委催办、督办或提交联席会议的诉求，及办理情况（最新办理结果与答复）。',
      ...more(r.supervised),
    ],
    columns: [
      { header: '编号', width: 16 },
      { header: '企业', width: 16 },
      { header: '诉求标题', width: 22 },
      { header: '承办部门', width: 12 },
      { header: '督办级别', width: 10 },
      { header: '办理状态', width: 10 },
      { header: '办理情况', width: 34 },
    ],
    rows: r.supervised.tickets.map((t) => [
      t.number,
      t.enterpriseName,
      t.title,
      t.departmentName,
      SUPERVISION_ZH[t.superviseLevel ?? ''] ?? '',
      STATUS_ZH[t.status ?? ''] ?? '',
      [t.result, t.replyMessage].filter(Boolean).join('；') || '尚无办理结果',
    ]),
  });
  const c = r.meetings.counts;
  sections.push({
    title: '联席会议',
    notes: [
      `本期召开联席会议 ${c.held} 次，议定事项 ${c.decided} 项，解决 ${c.solved} 项，推动达成合作 ${c.cooperations} 项。`,
    ],
    columns: [
      { header: '会议', width: 18 },
      { header: '召开时间', width: 14 },
      { header: '议定事项', width: 22 },
      { header: '任务', width: 26 },
      { header: '牵头部门', width: 12 },
      { header: '时限', width: 14 },
      { header: '进展', width: 14 },
      { header: '结果', width: 8 },
    ],
    rows: r.meetings.held.flatMap((m) =>
      (m.decisions.length ? m.decisions : [null]).map((d) => [
        m.title ?? m.meetingId,
        chinaTime(m.heldAt),
        d ? `${d.title ?? ''}${d.cooperation ? '（合作）' : ''}` : '（未形成议定事项）',
        d?.task ?? '',
        d?.leadDepartmentName ?? '',
        d ? `${chinaTime(d.dueAt)}${d.breached ? '（已超时）' : ''}` : '',
        d ? [PROGRESS_ZH[d.progress ?? ''], d.lastReport].filter(Boolean).join('：') : '',
        d ? (OUTCOME_ZH[d.outcome ?? ''] ?? '未办结') : '',
      ]),
    ),
  });
  return {
    title: `${r.title}${scope ? `（${scope}）` : ''}`,
    subtitle: `统计期 ${r.from} 至 ${r.to}（北京时间，按诉求受理月份） · 生成于 ${chinaTime(r.generatedAt)} · 每个数字均可按公开公式由台账重算（/api/v1/ledger/figures/definitions）`,
    sections,
  };
}
