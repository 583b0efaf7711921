import { Alert, Badge, Card, Col, Row, Space, Statistic, Table, Typography } from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { freshAccessToken } from '../../api/client';
import type { TicketSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { useCapability } from '../../shared/capabilities';
import { Countdown } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { EChart } from '../../shared/echart';
import { AsyncView } from '../../shared/states';
import { StatusTag } from '../../shared/tags';
import { useAsync } from '../../shared/use-async';
import { loadDepartmentStats, loadLiveFigures } from './dashboard-data';
import { LedgerFigures } from './ledger-figures';

const STREAM = '/api/v1/ledger/stream';
const POLL_MS = 15_000;

/** Reload on every ledger event when the stream exists; otherwise poll. */
function useLiveTick(): { tick: number; live: boolean | undefined } {
  const hasStream = useCapability('GET', STREAM);
  const [tick, setTick] = useState(0);
  const [live, setLive] = useState<boolean>();
  useEffect(() => {
    if (hasStream === undefined) return;
    if (!hasStream) {
      const id = setInterval(() => setTick((n) => n + 1), POLL_MS);
      setLive(true);
      return () => clearInterval(id);
    }
    let source: EventSource | null = null;
    let closed = false;
    let debounce: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      const token = await freshAccessToken();
      if (closed || !token) return;
      source = new EventSource(`${STREAM}?access_token=${encodeURIComponent(token)}`);
      source.onopen = () => setLive(true);
      // The ledger names its events `entry` (one per appended entry) and `ping`; a burst of entries reloads once.
      source.addEventListener('entry', () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => setTick((n) => n + 1), 500);
      });
      source.onerror = () => {
        setLive(false);
        source?.close();
        if (!closed) setTimeout(connect, 3000);
      };
    };
    void connect();
    return () => {
      closed = true;
      clearTimeout(debounce);
      source?.close();
    };
  }, [hasStream]);
  return { tick, live };
}

export function DashboardPage() {
  const { t, locale } = useI18n();
  const { categoryName, departmentName } = useDirectory();
  const { tick, live } = useLiveTick();
  const figures = useAsync(() => loadLiveFigures(), [tick]);
  const stats = useAsync(() => loadDepartmentStats().catch(() => []), [tick]);

  const trend = useMemo(
    () => ({
      tooltip: { trigger: 'axis' },
      grid: { left: 40, right: 16, top: 24, bottom: 32 },
      xAxis: { type: 'category', data: figures.data?.byDay.map((d) => d.day.slice(5)) ?? [] },
      yAxis: { type: 'value', minInterval: 1 },
      series: [
        {
          name: t('dashboard.received'),
          type: 'line',
          smooth: false,
          areaStyle: { opacity: 0.15 },
          data: figures.data?.byDay.map((d) => d.submitted) ?? [],
          color: '#c62828',
        },
      ],
    }),
    [figures.data, t],
  );
  const categories = useMemo(
    () => ({
      tooltip: { trigger: 'item' },
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: ['35%', '65%'],
          center: ['50%', '45%'],
          data: [...(figures.data?.byCategory ?? new Map<string, number>())].map(([code, value]) => ({
            name: categoryName(code),
            value,
          })),
        },
      ],
    }),
    [figures.data, categoryName],
  );

  const ranking = useMemo(() => {
    const rows = new Map<
      string,
      {
        departmentId: string;
        received: number;
        open: number;
        overdue: number;
        closed: number;
        transferRequests: number;
        reopens: number;
      }
    >();
    for (const [id, r] of figures.data?.byDepartment ?? [])
      rows.set(id, { departmentId: id, ...r, transferRequests: 0, reopens: 0 });
    for (const s of stats.data ?? []) {
      const r = rows.get(s.departmentId) ?? {
        departmentId: s.departmentId,
        received: 0,
        open: 0,
        overdue: 0,
        closed: 0,
        transferRequests: 0,
        reopens: 0,
      };
      r.transferRequests = s.transferRequests;
      r.reopens = s.reopens;
      rows.set(s.departmentId, r);
    }
    // Fewest overdue first, then most closed: the order a committee reads a ranking in.
    return [...rows.values()]
      .filter((r) => r.received > 0 || r.transferRequests > 0)
      .sort((a, b) => a.overdue - b.overdue || b.closed - a.closed || b.received - a.received);
  }, [figures.data, stats.data]);

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="dashboard">
      <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {t('dashboard.title')}
        </Typography.Title>
        <Badge
          status={live ? 'processing' : 'default'}
          text={live === false ? t('dashboard.offline') : t('dashboard.live')}
        />
      </Space>
      <LedgerFigures tick={tick} />
      <AsyncView state={figures}>
        {(f) => (
          <Space orientation="vertical" size={16} style={{ width: '100%' }}>
            <Row gutter={[16, 16]}>
              {(
                [
                  ['received', 'dashboard.received', f.received, undefined],
                  ['open', 'dashboard.backlog', f.open, undefined],
                  ['overdue', 'dashboard.overdueCount', f.overdue, '#cf1322'],
                  ['closed', 'status.closed', f.closed, '#389e0d'],
                ] as const
              ).map(([key, label, value, color]) => (
                <Col xs={12} md={6} key={key}>
                  <Card size="small" data-testid={`figure-${key}`}>
                    <Statistic
                      title={t(label)}
                      value={value}
                      styles={{ content: color ? { color } : undefined }}
                    />
                  </Card>
                </Col>
              ))}
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={14}>
                <Card size="small" title={t('dashboard.trend')}>
                  <EChart option={trend} ariaLabel={t('dashboard.trend')} />
                </Card>
              </Col>
              <Col xs={24} lg={10}>
                <Card size="small" title={t('dashboard.categories')}>
                  <EChart option={categories} ariaLabel={t('dashboard.categories')} />
                </Card>
              </Col>
            </Row>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('dashboard.ranking')}>
                  <Table
                    size="small"
                    rowKey="departmentId"
                    pagination={false}
                    dataSource={ranking}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      { key: 'rank', title: '#', width: 40, render: (_, __, i) => i + 1 },
                      {
                        key: 'dept',
                        title: t('tickets.department'),
                        render: (_, r) => departmentName(r.departmentId),
                      },
                      { key: 'received', title: t('dashboard.received'), dataIndex: 'received' },
                      { key: 'open', title: t('dashboard.backlog'), dataIndex: 'open' },
                      {
                        key: 'overdue',
                        title: t('dashboard.overdueCount'),
                        dataIndex: 'overdue',
                        render: (v: number) => <span style={{ color: v ? '#cf1322' : undefined }}>{v}</span>,
                      },
                      { key: 'closed', title: t('status.closed'), dataIndex: 'closed' },
                      { key: 'transfers', title: t('desk.transfers'), dataIndex: 'transferRequests' },
                      { key: 'reopens', title: t('timeline.reopen'), dataIndex: 'reopens' },
                    ]}
                  />
                </Card>
              </Col>
              <Col xs={24} lg={12}>
                <Card size="small" title={t('dashboard.overdue')} data-testid="watch-list">
                  <Table<TicketSummary>
                    size="small"
                    rowKey="id"
                    pagination={{ pageSize: 8, hideOnSinglePage: true }}
                    dataSource={f.watchList}
                    scroll={{ x: 'max-content' }}
                    columns={[
                      {
                        key: 'number',
                        title: t('tickets.number'),
                        render: (_, r) => <Link to={`/tickets/${r.id}`}>{r.number}</Link>,
                      },
                      {
                        key: 'dept',
                        title: t('tickets.department'),
                        render: (_, r) => departmentName(r.leadDepartmentId),
                      },
                      {
                        key: 'status',
                        title: t('tickets.status'),
                        render: (_, r) => <StatusTag status={r.status} />,
                      },
                      {
                        key: 'due',
                        title: t('tickets.deadline'),
                        render: (_, r) => <Countdown dueAt={r.dueAt} flag={r.flag} kind={r.dueKind} />,
                      },
                    ]}
                  />
                </Card>
              </Col>
            </Row>
            {f.truncated && (
              <Alert
                type="info"
                showIcon
                title={
                  locale === 'en'
                    ? 'Only the latest 1,000 tickets are counted here.'
                    : '此处仅统计最近 1000 条诉求。'
                }
              />
            )}
          </Space>
        )}
      </AsyncView>
    </Space>
  );
}
