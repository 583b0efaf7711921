import { api } from '../../api/client';
import type { Counters, NowFigures, OverdueItem, Rates } from '../../shared/ledger-figures';

/** The committee's dashboard reads the ledger only. */
export interface RankingRow {
  rank: number;
  departmentId: string;
  name: string;
  score: number | null;
  received: number;
  rates: Rates;
}

export interface Overview {
  month: string;
  satisfactionWeight: number;
  totals: Counters;
  rates: Rates;
  now: NowFigures;
  ranking: RankingRow[];
  /** 联席会议 in the month: held, items decided, solved, cooperations (absent from an older ledger). */
  meetings?: { held: number; decided: number; solved: number; cooperations: number };
}

export interface TrendPoint {
  period: string;
  counters: Counters;
  rates: Rates;
}

/** One row of the ledger's figures grouped by category or by grid. */
export interface BreakdownRow {
  key: string;
  name: string;
  counters: Counters;
  rates: Rates;
}

export interface DashboardData {
  overview: Overview;
  trend: TrendPoint[];
  categories: BreakdownRow[];
  grids: BreakdownRow[];
  overdue: OverdueItem[];
}

export const TREND_WEEKS = 12;

export async function loadDashboard(month: string): Promise<DashboardData> {
  const [overview, trends, categories, grids, overdue] = await Promise.all([
    api<Overview>('/api/v1/ledger/dashboard/overview', { query: { month } }),
    api<{ points: TrendPoint[] }>('/api/v1/ledger/dashboard/trends', {
      query: { granularity: 'week', periods: TREND_WEEKS },
    }),
    api<{ rows: BreakdownRow[] }>('/api/v1/ledger/figures', {
      query: { from: month, groupBy: 'category' },
    }),
    api<{ rows: BreakdownRow[] }>('/api/v1/ledger/figures', {
      query: { from: month, groupBy: 'grid' },
    }),
    api<{ items: OverdueItem[] }>('/api/v1/ledger/dashboard/overdue', { query: { limit: 1000 } }),
  ]);
  return {
    overview,
    trend: trends.points,
    categories: categories.rows,
    grids: grids.rows,
    overdue: overdue.items,
  };
}
