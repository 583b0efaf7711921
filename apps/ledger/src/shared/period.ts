import { monthsBetween } from './query-fields';

/** A reporting period: a month (2026-12), a quarter (2026-Q4) or a year (2026), Asia/Shanghai. */
export interface Period {
  kind: 'month' | 'quarter' | 'year';
  label: string;
  months: string[];
  /** First and last day, YYYY-MM-DD. */
  from: string;
  to: string;
}

export const PERIOD_PATTERN = /^(\d{4})(?:-(0[1-9]|1[0-2])|-Q([1-4]))?$/;

const lastDay = (month: string): string => {
  const [y, m] = month.split('-').map(Number);
  return `${month}-${String(new Date(Date.UTC(y, m, 0)).getUTCDate()).padStart(2, '0')}`;
};

/** The period a label names, or null when it names none. */
export function periodOf(label: string): Period | null {
  const m = PERIOD_PATTERN.exec(label);
  if (!m) return null;
  const year = m[1];
  let months: string[];
  let kind: Period['kind'];
  if (m[2]) {
    kind = 'month';
    months = [`${year}-${m[2]}`];
  } else if (m[3]) {
    kind = 'quarter';
    const first = (Number(m[3]) - 1) * 3 + 1;
    months = monthsBetween(
      `${year}-${String(first).padStart(2, '0')}`,
      `${year}-${String(first + 2).padStart(2, '0')}`,
    );
  } else {
    kind = 'year';
    months = monthsBetween(`${year}-01`, `${year}-12`);
  }
  return { kind, label, months, from: `${months[0]}-01`, to: lastDay(months[months.length - 1]) };
}

export const PERIOD_WORDS: Record<Period['kind'], string> = { month: '月度', quarter: '季度', year: '年度' };

/** 2026年12月, 2026年第四季度, 2026年. */
export function periodZh(p: Period): string {
  if (p.kind === 'year') return `${p.label}年`;
  const [y, rest] = p.label.split('-');
  if (p.kind === 'quarter') return `${y}年第${'一二三四'[Number(rest.slice(1)) - 1]}季度`;
  return `${y}年${Number(rest)}月`;
}
