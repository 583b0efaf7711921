import { Badge, Card, Col, Grid, Row, Select, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import { useMemo, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n } from '../../i18n/i18n';
import { EChart } from '../../shared/echart';
import {
  alertsByDepartment,
  CountCards,
  DepartmentAlerts,
  Definitions,
  loadDefinitions,
  OverdueTable,
  percent,
  RATE_LABELS,
  RateCards,
  SourceNote,
  RateKey,
  rateParts,
  recentMonths,
  trendChart,
  useLiveTick,
} from '../../shared/ledger-figures';
import { FLAG_TEXT } from '../../theme';
import { AsyncView, EmptyState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { BreakdownRow, loadDashboard, RankingRow } from './dashboard-data';
import { KeyboardScroll } from '../review/keyboard-scroll';
import { MeetingCountCards } from '../meeting/meeting-counts';

const AGE_LABELS_EN: Record<string, string> = {
  le3d: '≤ 3 days',
  '3to7d': '3–7 days',
  '7to15d': '7–15 days',
  '15to30d': '15–30 days',
  gt30d: '> 30 days',
};

/** The open statuses the dashboard's 在办 counts (open and not yet resolved). */
const IN_HAND = 'submitted,triage,assigned,in_progress,transfer_requested,reopened';

/**
 * What is late, and who: each department with a red or yellow card, worst first, each number a
 * link to that department's list. The ledger serves the alert list, not counts per department, so
 * they are counted here from GET /dashboard/overdue.
 */
function AlertsByDepartment({ rows }: { rows: DepartmentAlerts[] }) {
  const { t } = useI18n();
  if (!rows.length) return <Typography.Text type="secondary">{t('dashboard.noAlerts')}</Typography.Text>;
  const count = (r: DepartmentAlerts, level: 'red' | 'yellow') => (
    <Link
      to={`/tickets?department=${encodeURIComponent(r.departmentId)}&overdue=${level}`}
      data-level={level}
      aria-label={`${r.name} ${t(`flag.${level}`)} ${r[level]}`}
      style={{ color: FLAG_TEXT[level], fontWeight: 600, fontSize: 18 }}
    >
      {t(`flag.${level}`)} {r[level]}
    </Link>
  );
  return (
    <ul
      data-testid="alerts-by-department"
      style={{
        listStyle: 'none',
        margin: 0,
        padding: 0,
        display: 'grid',
        gridTemplateColumns: 'repeat(auto-fill, minmax(170px, 1fr))',
        gap: 8,
      }}
    >
      {rows.map((r) => (
        <li
          key={r.departmentId}
          data-department={r.departmentId}
          style={{
            border: '1px solid #f0f0f0',
            borderLeft: `4px solid ${r.red ? FLAG_TEXT.red : '#d48806'}`,
            borderRadius: 4,
            padding: '6px 10px',
            background: '#fff',
          }}
        >
          <Link to={`/tickets?department=${encodeURIComponent(r.departmentId)}`} style={{ color: 'inherit' }}>
            {r.name}
          </Link>
          <div style={{ display: 'flex', gap: 12 }}>
            {count(r, 'red')}
            {count(r, 'yellow')}
          </div>
        </li>
      ))}
    </ul>
  );
}

function RankingTable({ rows, formula }: { rows: RankingRow[]; formula?: string }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const rateColumn = (key: RateKey) => ({
    key,
    title: t(RATE_LABELS[key]),
    render: (_: unknown, r: RankingRow) => percent(r.rates[key]),
  });
  return (
    <Table<RankingRow>
      size="small"
      rowKey="departmentId"
      pagination={false}
      dataSource={rows}
      data-testid="ranking"
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState text={t('dashboard.noRanking')} /> }}
      // A row opens that department's yellow and red cards; the name is the link for the keyboard.
      onRow={(r) => ({
        onClick: (e) => {
          if (!(e.target as HTMLElement).closest('a'))
            navigate(`/tickets?department=${encodeURIComponent(r.departmentId)}`);
        },
        style: { cursor: 'pointer' },
      })}
      columns={[
        { key: 'rank', title: '#', dataIndex: 'rank', width: 40 },
        {
          key: 'dept',
          title: t('tickets.department'),
          render: (_, r) => (
            <Link to={`/tickets?department=${encodeURIComponent(r.departmentId)}`}>{r.name}</Link>
          ),
        },
        {
          key: 'score',
          title: <Tooltip title={formula}>{t('dashboard.score')}</Tooltip>,
          render: (_, r) => (r.score === null ? '—' : (r.score * 100).toFixed(1)),
        },
        { key: 'received', title: t('dashboard.assigned'), dataIndex: 'received' },
        rateColumn('responseRate'),
        rateColumn('onTimeResolutionRate'),
        rateColumn('replyRate'),
        rateColumn('satisfactionRate'),
        rateColumn('transferRate'),
        rateColumn('reopenRate'),
      ]}
    />
  );
}

/**
 * The month's figures per category and per grid (the committee is judged on both), busiest first;
 * each rate with its numerator / denominator on hover.
 */
function BreakdownTable({
  rows,
  what,
  definitions,
}: {
  rows: BreakdownRow[];
  what: 'category' | 'grid';
  definitions?: Definitions;
}) {
  const { t } = useI18n();
  const rateColumn = (key: RateKey) => ({
    key,
    title: t(RATE_LABELS[key]),
    width: 110,
    render: (_: unknown, r: BreakdownRow) => {
      const def = definitions?.figures.find((f) => f.key === key);
      const parts = def ? rateParts(def, r.counters) : null;
      return (
        <Tooltip title={parts ? `${parts.numerator} / ${parts.denominator}` : undefined}>
          <span data-rate={key}>{percent(r.rates[key])}</span>
        </Tooltip>
      );
    },
  });
  const shown = rows
    .filter((r) => (r.counters.received ?? 0) > 0 || (r.counters.closed ?? 0) > 0)
    .sort((a, b) => (b.counters.received ?? 0) - (a.counters.received ?? 0));
  // On a phone the rates scroll sideways; the rows hold no link, so the region itself takes the keyboard.
  return (
    <KeyboardScroll label={t('dashboard.breakdown')}>
      <Table<BreakdownRow>
        size="small"
        rowKey="key"
        pagination={false}
        dataSource={shown}
        data-testid={`breakdown-${what}`}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState text={t('dashboard.noBreakdown')} /> }}
        columns={[
          {
            key: 'name',
            title: t(what === 'category' ? 'tickets.category' : 'dashboard.grid'),
            render: (_, r) => r.name || r.key,
          },
          {
            key: 'received',
            title: t('dashboard.received'),
            width: 90,
            render: (_, r) => r.counters.received ?? 0,
          },
          rateColumn('responseRate'),
          rateColumn('onTimeResolutionRate'),
          rateColumn('replyRate'),
          rateColumn('resolutionRate'),
          rateColumn('satisfactionRate'),
          rateColumn('reopenRate'),
        ]}
      />
    </KeyboardScroll>
  );
}

export function DashboardPage() {
  const { t, locale } = useI18n();
  const { tick, live } = useLiveTick();
  const narrow = !Grid.useBreakpoint().md;
  const months = useMemo(() => recentMonths(), []);
  const [month, setMonth] = useState(months[0]);
  const data = useAsync(() => loadDashboard(month), [month, tick]);
  const definitions = useAsync(() => loadDefinitions(), []);

  const trend = useMemo(() => {
    const points = data.data?.trend ?? [];
    return trendChart(
      t,
      points.map((p) => p.period.slice(5)),
      points,
      true,
      narrow,
    );
  }, [data.data, t, narrow]);
  const byDepartment = useMemo(() => alertsByDepartment(data.data?.overdue ?? []), [data.data]);

  const categories = useMemo(
    () => ({
      tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          // On a phone the names are in the legend: labels around the ring would run off the edge.
          label: narrow ? { show: false } : { show: true, overflow: 'truncate', width: 90 },
          labelLayout: { hideOverlap: true },
          data: (data.data?.categories ?? [])
            .filter((c) => (c.counters.received ?? 0) > 0)
            .map((c) => ({ name: c.name || c.key, value: c.counters.received })),
        },
      ],
    }),
    [data.data, narrow],
  );

  const ageing = useMemo(() => {
    const buckets = data.data?.overview.now.backlogByAge ?? [];
    return {
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 16, bottom: 32 },
      xAxis: {
        type: 'category',
        data: buckets.map((b) => (locale === 'en' ? AGE_LABELS_EN[b.key] : b.zh)),
        axisLabel: { interval: 0, hideOverlap: true, fontSize: narrow ? 10 : 12 },
      },
      yAxis: { type: 'value', minInterval: 1 },
      series: [{ type: 'bar', data: buckets.map((b) => b.count), color: '#722ed1', barMaxWidth: 36 }],
    };
  }, [data.data, locale]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <h1 className="page-title">{t('dashboard.title')}</h1>
        <Space wrap>
          <label htmlFor="dashboard-month">{t('dashboard.month')}</label>
          <Select
            id="dashboard-month"
            value={month}
            onChange={setMonth}
            options={months.map((m) => ({ value: m, label: m }))}
            style={{ width: 120 }}
            data-testid="dashboard-month"
          />
          <Badge
            status={live ? 'processing' : 'default'}
            text={live === false ? t('dashboard.offline') : t('dashboard.live')}
            data-testid="live-badge"
          />
        </Space>
      </Space>
      <AsyncView state={data}>
        {(d) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <CountCards
              totals={d.overview.totals}
              now={d.overview.now}
              links={{
                received: '/tickets?sort=newest',
                open: `/tickets?status=${IN_HAND}`,
                awaitingFeedback: '/tickets?status=resolved',
                yellow: '/tickets?overdue=yellow',
                red: '/tickets?overdue=red',
                closed: '/tickets?status=closed',
              }}
            />
            <Card
              size="small"
              title={t('dashboard.byDepartment')}
              extra={<Link to="/tickets?overdue=alerted">{t('tickets.allAlerted')}</Link>}
              data-testid="alerts-panel"
            >
              <AlertsByDepartment rows={byDepartment} />
            </Card>
            <RateCards rates={d.overview.rates} totals={d.overview.totals} definitions={definitions.data} />
            <Card size="small" title={t('dashboard.ranking')}>
              <RankingTable
                rows={d.overview.ranking}
                formula={definitions.data?.ranking[locale === 'en' ? 'en' : 'zh']}
              />
            </Card>
            {d.overview.meetings && (
              <Card
                size="small"
                title={t('dashboard.meetings')}
                extra={<Link to="/meetings">{t('dashboard.meetingsLink')}</Link>}
              >
                <MeetingCountCards counts={d.overview.meetings} />
              </Card>
            )}
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card size="small" title={t('dashboard.trend')}>
                  <EChart option={trend} ariaLabel={t('dashboard.trend')} />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card size="small" title={t('dashboard.categories')}>
                  {d.categories.some((c) => (c.counters.received ?? 0) > 0) ? (
                    <EChart option={categories} ariaLabel={t('dashboard.categories')} />
                  ) : (
                    <EmptyState />
                  )}
                </Card>
              </Col>
            </Row>
            <Card size="small" title={t('dashboard.breakdown')}>
              <Tabs
                items={[
                  {
                    key: 'category',
                    label: t('dashboard.byCategory'),
                    children: (
                      <BreakdownTable rows={d.categories} what="category" definitions={definitions.data} />
                    ),
                  },
                  {
                    key: 'grid',
                    label: t('dashboard.byGrid'),
                    children: <BreakdownTable rows={d.grids} what="grid" definitions={definitions.data} />,
                  },
                ]}
              />
            </Card>
            <Row gutter={[16, 16]}>
              <Col xs={24} xl={15}>
                <Card size="small" title={t('dashboard.overdue')} data-testid="watch-list">
                  <OverdueTable items={d.overdue} />
                </Card>
              </Col>
              <Col xs={24} xl={9}>
                <Card size="small" title={t('dashboard.ageing')}>
                  <EChart option={ageing} height={220} ariaLabel={t('dashboard.ageing')} />
                </Card>
              </Col>
            </Row>
            <SourceNote definitions={definitions.data} />
          </Space>
        )}
      </AsyncView>
    </Space>
  );
}
