import { Badge, Card, Col, Grid, Row, Select, Space, Statistic, Table, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import {
  CountCards,
  Counters,
  loadDefinitions,
  NowFigures,
  OverdueItem,
  OverdueTable,
  percent,
  RATE_KEYS,
  RATE_LABELS,
  RateCards,
  SourceNote,
  RateKey,
  Rates,
  recentMonths,
  trendChart,
  useLiveTick,
} from '../../shared/ledger-figures';
import { AsyncView, EmptyState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';

interface DepartmentFigures {
  departmentId: string;
  name: string;
  month: string;
  counters: Counters;
  rates: Rates;
  rank: { rank: number; score: number | null } | null;
  departments: number;
  byCategory: { category: string; name: string; counters: Counters; rates: Rates }[];
  trend: { month: string; counters: Counters; rates: Rates }[];
  now: NowFigures;
  overdue: OverdueItem[];
}

type CategoryRow = DepartmentFigures['byCategory'][number];

const EMPTY_RATES = Object.fromEntries(RATE_KEYS.map((k) => [k, null])) as Rates;

/**
 * A department's own month, as the committee ranks it: the same figures and formulas as the
 * committee's dashboard, its place in the ranking, its categories, six months of trend and its
 * yellow/red cards. The ledger only ever answers a department about itself.
 */
export function FiguresPage() {
  const { t } = useI18n();
  const user = useUser();
  const { tick, live } = useLiveTick();
  const narrow = !Grid.useBreakpoint().md;
  const months = useMemo(() => recentMonths(), []);
  const [month, setMonth] = useState(months[0]);
  const state = useAsync(
    () =>
      api<DepartmentFigures>(
        `/api/v1/ledger/dashboard/departments/${encodeURIComponent(user.departmentId ?? '')}`,
        { query: { month } },
      ),
    [user.departmentId, month, tick],
  );
  const definitions = useAsync(() => loadDefinitions(), []);

  const trend = useMemo(() => {
    // Six months ending with the one shown; a month without tickets is a zero, not a gap.
    const byMonth = new Map((state.data?.trend ?? []).map((p) => [p.month, p]));
    const points = recentMonths(new Date(`${month}-15T00:00:00Z`), 6)
      .reverse()
      .map((m) => byMonth.get(m) ?? { month: m, counters: {} as Counters, rates: EMPTY_RATES });
    return trendChart(
      t,
      points.map((p) => p.month),
      points,
      false,
      narrow,
    );
  }, [state.data, month, t, narrow]);

  const rateColumn = (key: RateKey) => ({
    key,
    title: t(RATE_LABELS[key]),
    render: (_: unknown, r: CategoryRow) => percent(r.rates[key]),
  });

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="department-figures">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 className="page-title">
          {t('figures.title')}
          {state.data ? ` · ${state.data.name}` : ''}
        </h1>
        <Space wrap>
          <label htmlFor="figures-month">{t('dashboard.month')}</label>
          <Select
            id="figures-month"
            value={month}
            onChange={setMonth}
            options={months.map((m) => ({ value: m, label: m }))}
            style={{ width: 120 }}
          />
          <Badge
            status={live ? 'processing' : 'default'}
            text={live === false ? t('dashboard.offline') : t('dashboard.live')}
          />
        </Space>
      </Space>
      <AsyncView state={state}>
        {(d) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              <Col xs={24} md={8} lg={6}>
                <Card size="small" data-testid="figures-rank" style={{ height: '100%' }}>
                  <Statistic
                    title={t('figures.rank')}
                    value={d.rank ? d.rank.rank : '—'}
                    suffix={d.rank ? `/ ${d.departments}` : undefined}
                  />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {d.rank?.score !== null && d.rank?.score !== undefined
                      ? `${t('dashboard.score')} ${(d.rank.score * 100).toFixed(1)}`
                      : t('dashboard.nothingDue')}
                  </Typography.Text>
                </Card>
              </Col>
              <Col xs={24} md={16} lg={18}>
                <CountCards totals={d.counters} now={d.now} />
              </Col>
            </Row>
            <RateCards rates={d.rates} totals={d.counters} definitions={definitions.data} />
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('figures.trend')}>
                  <EChart option={trend} height={260} ariaLabel={t('figures.trend')} />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('dashboard.categories')}>
                  <Table<CategoryRow>
                    size="small"
                    rowKey="category"
                    pagination={false}
                    dataSource={d.byCategory}
                    scroll={{ x: 'max-content' }}
                    locale={{ emptyText: <EmptyState /> }}
                    columns={[
                      { key: 'name', title: t('tickets.category'), dataIndex: 'name' },
                      {
                        key: 'received',
                        title: t('dashboard.received'),
                        render: (_, r) => r.counters.received ?? 0,
                      },
                      rateColumn('responseRate'),
                      rateColumn('onTimeResolutionRate'),
                      rateColumn('satisfactionRate'),
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('dashboard.overdue')} data-testid="figures-overdue">
              <OverdueTable items={d.overdue} showDepartment={false} />
            </Card>
            <SourceNote definitions={definitions.data} />
          </Space>
        )}
      </AsyncView>
    </Space>
  );
}
