import { Card, Space, Statistic, Table, Tag, Tooltip, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, streamUrl } from '../api/client';
import type { EChartsCoreOption } from 'echarts/core';
import { Translate, useI18n } from '../i18n/i18n';
import { BAD, FLAG_TEXT, GOOD } from '../theme';
import type { MessageKey } from '../i18n/zh';
import { useCapability } from './capabilities';
import { Countdown } from './deadline';
import { EmptyState } from './states';
import { StatusTag } from './tags';

/**
 * The ledger's figures as the committee's dashboard and a department's own page show them. Every
 * figure is one the ledger can recompute from its hash-chained entries, with the formula that
 * GET /api/v1/ledger/figures/definitions publishes.
 */
export const RATE_KEYS = [
  'responseRate',
  'onTimeResolutionRate',
  'replyRate',
  'resolutionRate',
  'satisfactionRate',
  'transferRate',
  'reopenRate',
] as const;
export type RateKey = (typeof RATE_KEYS)[number];
export type Rates = Record<RateKey, number | null>;
export type Counters = Record<string, number>;

export interface FigureDefinition {
  key: RateKey;
  zh: string;
  en: string;
  formulaZh: string;
  formulaEn: string;
  numerator: string[];
  denominator: string;
}

export interface Definitions {
  figures: FigureDefinition[];
  ranking: { zh: string; en: string };
  attribution: { zh: string; en: string };
}

export type AlertLevel = 'yellow' | 'red';

export interface OverdueItem {
  ticketId: string;
  number: string | null;
  title: string | null;
  enterpriseName: string | null;
  categoryName: string | null;
  departmentId: string | null;
  departmentName: string | null;
  status: string | null;
  alertLevel: AlertLevel;
  respondAlert: AlertLevel | null;
  resolveAlert: AlertLevel | null;
  replyAlert: AlertLevel | null;
  respondDueAt: string | null;
  resolveDueAt: string | null;
  replyDueAt: string | null;
  superviseLevel: string | null;
}

/** The open tickets right now, as the ledger counts them. */
export interface NowFigures {
  open: number;
  backlog: number;
  yellow: number;
  red: number;
  backlogByAge: { key: string; zh: string; count: number }[];
}

export function loadDefinitions(): Promise<Definitions> {
  return api<Definitions>('/api/v1/ledger/figures/definitions');
}

/**
 * A rate's numerator and denominator from the month's counters, read off its definition
 * (a term is a counter's name, or "w × counter" for a weighted one).
 */
export function rateParts(
  def: FigureDefinition,
  totals: Counters,
): { numerator: number; denominator: number } {
  let numerator = 0;
  for (const term of def.numerator) {
    const weighted = /^([\d.]+)\s*×\s*(\w+)$/.exec(term);
    numerator += weighted ? Number(weighted[1]) * (totals[weighted[2]] ?? 0) : (totals[term] ?? 0);
  }
  return { numerator: Math.round(numerator * 10) / 10, denominator: totals[def.denominator] ?? 0 };
}

/** The deadline a yellow/red card is about: the most urgent alerted one. */
export function alertedDeadline(item: OverdueItem): {
  kind: 'respond' | 'resolve' | 'reply';
  dueAt: string | null;
} {
  const kinds = (['respond', 'resolve', 'reply'] as const).filter((k) => item[`${k}Alert`] !== null);
  const red = kinds.filter((k) => item[`${k}Alert`] === 'red');
  const pick = (red.length ? red : kinds).sort((a, b) =>
    (item[`${a}DueAt`] ?? '').localeCompare(item[`${b}DueAt`] ?? ''),
  )[0];
  return pick ? { kind: pick, dueAt: item[`${pick}DueAt`] } : { kind: 'resolve', dueAt: item.resolveDueAt };
}

/** This month and the eleven before it, newest first, as YYYY-MM in Beijing time. */
export function recentMonths(now = new Date(), count = 12): string[] {
  const shanghai = new Date(now.getTime() + 8 * 3600_000);
  const out: string[] = [];
  for (let i = 0; i < count; i++) {
    const d = new Date(Date.UTC(shanghai.getUTCFullYear(), shanghai.getUTCMonth() - i, 1));
    out.push(`${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`);
  }
  return out;
}

export const RATE_LABELS: Record<RateKey, MessageKey> = {
  responseRate: 'rate.response',
  onTimeResolutionRate: 'rate.onTimeResolution',
  replyRate: 'rate.reply',
  resolutionRate: 'rate.resolution',
  satisfactionRate: 'rate.satisfaction',
  transferRate: 'rate.transfer',
  reopenRate: 'rate.reopen',
};
// The anti-gaming pair reads the other way round: lower is better.
const LOWER_IS_BETTER = new Set<RateKey>(['transferRate', 'reopenRate']);

// Cards share the row evenly and wrap on a narrow screen.
export const CARD_GRID = {
  display: 'grid',
  gridTemplateColumns: 'repeat(auto-fit, minmax(140px, 1fr))',
  gap: 12,
};

export const percent = (v: number | null) => (v === null ? '—' : `${(v * 100).toFixed(1)}%`);

/**
 * Counts as bars (received, and closed when asked) and the on-time resolution and satisfaction
 * rates as lines on a 0–100 % axis, one point per period.
 */
export function trendChart(
  t: Translate,
  labels: string[],
  points: { counters: Counters; rates: Rates }[],
  withClosed: boolean,
  narrow = false,
): EChartsCoreOption {
  const pct = (v: number | null) => (v === null ? null : +(v * 100).toFixed(1));
  const line = (name: string, key: RateKey, color: string) => ({
    name,
    type: 'line',
    yAxisIndex: 1,
    connectNulls: true,
    data: points.map((p) => pct(p.rates[key])),
    color,
  });
  return {
    tooltip: { trigger: 'axis' },
    // On a phone the four names wrap onto two lines, with room kept for them under the axis.
    legend: narrow ? { bottom: 0, itemGap: 8, itemWidth: 18 } : { bottom: 0 },
    grid: { left: 40, right: 48, top: 24, bottom: narrow ? 80 : 56 },
    xAxis: { type: 'category', data: labels, axisLabel: { hideOverlap: true } },
    yAxis: [
      { type: 'value', minInterval: 1 },
      { type: 'value', min: 0, max: 100, axisLabel: { formatter: '{value}%' } },
    ],
    series: [
      {
        name: t('dashboard.received'),
        type: 'bar',
        barMaxWidth: 36,
        data: points.map((p) => p.counters.received ?? 0),
        color: '#1677ff',
      },
      ...(withClosed
        ? [
            {
              name: t('dashboard.closedSeries'),
              type: 'bar',
              barMaxWidth: 36,
              data: points.map((p) => p.counters.closed ?? 0),
              color: '#52c41a',
            },
          ]
        : []),
      line(t('rate.onTimeResolution'), 'onTimeResolutionRate', '#c62828'),
      line(t('rate.satisfaction'), 'satisfactionRate', '#fa8c16'),
    ],
  };
}

const STREAM = '/api/v1/ledger/stream';
const POLL_MS = 15_000;

/**
 * Reload on the ledger's live stream (one `entry` event per appended entry; a burst reloads once);
 * poll when the stream is not offered. A department's stream carries its own entries only.
 */
export function useLiveTick(): { tick: number; live: boolean | undefined } {
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
    let retry: ReturnType<typeof setTimeout> | undefined;
    const connect = async () => {
      const url = await streamUrl(STREAM);
      if (closed || !url) return;
      source = new EventSource(url);
      source.onopen = () => setLive(true);
      source.addEventListener('entry', () => {
        clearTimeout(debounce);
        debounce = setTimeout(() => setTick((n) => n + 1), 400);
      });
      source.onerror = () => {
        setLive(false);
        source?.close();
        // A new ticket on each reconnect: a ticket works once.
        if (!closed) retry = setTimeout(() => void connect(), 3000);
      };
    };
    void connect();
    return () => {
      closed = true;
      clearTimeout(debounce);
      clearTimeout(retry);
      source?.close();
    };
  }, [hasStream]);
  return { tick, live };
}

/** The seven rates, each with its numerator / denominator and its formula on hover. */
export function RateCards({
  rates,
  totals,
  definitions,
}: {
  rates: Rates;
  totals: Counters;
  definitions?: Definitions;
}) {
  const { t, locale } = useI18n();
  const byKey = new Map<RateKey, FigureDefinition>((definitions?.figures ?? []).map((d) => [d.key, d]));
  return (
    <div style={CARD_GRID} data-testid="rates">
      {RATE_KEYS.map((key) => {
        const value = rates[key];
        const def = byKey.get(key);
        const parts = def ? rateParts(def, totals) : null;
        const colour =
          value === null
            ? undefined
            : LOWER_IS_BETTER.has(key)
              ? value > 0.1
                ? BAD
                : undefined
              : value < 0.9
                ? BAD
                : GOOD;
        return (
          <Tooltip key={key} title={def ? (locale === 'en' ? def.formulaEn : def.formulaZh) : undefined}>
            <Card size="small" data-testid={`rate-${key}`}>
              <Statistic
                title={t(RATE_LABELS[key])}
                value={value === null ? '—' : value * 100}
                precision={value === null ? undefined : 1}
                suffix={value === null ? undefined : '%'}
                styles={{ content: colour ? { color: colour } : undefined }}
              />
              <div style={{ fontSize: 12, color: 'rgba(0,0,0,0.65)' }}>
                {parts && parts.denominator > 0
                  ? `${parts.numerator} / ${parts.denominator}`
                  : t('dashboard.nothingDue')}
              </div>
            </Card>
          </Tooltip>
        );
      })}
    </div>
  );
}

export type CountKey = 'received' | 'open' | 'awaitingFeedback' | 'yellow' | 'red' | 'closed';

/**
 * Counts for the month and for now: received, in hand (在办: open and not yet resolved), resolved
 * and waiting for the enterprise's rating, yellow, red, closed. With `links`, each card opens the
 * list it counts.
 */
export function CountCards({
  totals,
  now,
  links = {},
}: {
  totals: Counters;
  now: NowFigures;
  links?: Partial<Record<CountKey, string>>;
}) {
  const { t } = useI18n();
  const cards: [CountKey, MessageKey, number, string | undefined][] = [
    ['received', 'dashboard.received', totals.received ?? 0, undefined],
    ['open', 'dashboard.backlog', now.backlog, undefined],
    ['awaitingFeedback', 'dashboard.awaitingFeedback', Math.max(0, now.open - now.backlog), undefined],
    ['yellow', 'dashboard.yellow', now.yellow, FLAG_TEXT.yellow],
    ['red', 'dashboard.red', now.red, FLAG_TEXT.red],
    ['closed', 'dashboard.closed', totals.closed ?? 0, GOOD],
  ];
  return (
    <div style={CARD_GRID}>
      {cards.map(([key, label, value, color]) => {
        const card = (
          <Card
            size="small"
            data-testid={`figure-${key}`}
            hoverable={!!links[key]}
            style={{ height: '100%' }}
          >
            <Statistic title={t(label)} value={value} styles={{ content: color ? { color } : undefined }} />
          </Card>
        );
        const to = links[key];
        return to ? (
          <Link key={key} to={to} data-testid={`figure-link-${key}`} style={{ display: 'block' }}>
            {card}
          </Link>
        ) : (
          <div key={key}>{card}</div>
        );
      })}
    </div>
  );
}

/** Yellow and red cards per department, worst first, computed from the ledger's alert list. */
export interface DepartmentAlerts {
  departmentId: string;
  name: string;
  red: number;
  yellow: number;
}

export function alertsByDepartment(items: OverdueItem[]): DepartmentAlerts[] {
  const by = new Map<string, DepartmentAlerts>();
  for (const i of items) {
    if (!i.departmentId) continue;
    const row = by.get(i.departmentId) ?? {
      departmentId: i.departmentId,
      name: i.departmentName ?? i.departmentId.slice(0, 8),
      red: 0,
      yellow: 0,
    };
    row[i.alertLevel] += 1;
    by.set(i.departmentId, row);
  }
  return [...by.values()].sort(
    (a, b) => b.red - a.red || b.yellow - a.yellow || a.name.localeCompare(b.name),
  );
}

/** The number column of a ticket as the ledger shows it, linking to the ticket page. */
export function ledgerNumberColumn<T extends { ticketId: string; number: string | null }>(t: Translate) {
  return {
    key: 'number',
    title: t('tickets.number'),
    render: (_: unknown, r: T) => (
      <Link to={`/tickets/${r.ticketId}`}>{r.number ?? r.ticketId.slice(0, 8)}</Link>
    ),
  };
}

/** Open tickets with a yellow or red card, red first, each with the deadline it is about. */
export function OverdueTable({
  items,
  showDepartment = true,
}: {
  items: OverdueItem[];
  showDepartment?: boolean;
}) {
  const { t } = useI18n();
  return (
    <Table<OverdueItem>
      size="small"
      rowKey="ticketId"
      pagination={{ pageSize: 8, hideOnSinglePage: true }}
      dataSource={items}
      scroll={{ x: 'max-content' }}
      locale={{ emptyText: <EmptyState text={t('dashboard.noOverdue')} /> }}
      columns={[
        ledgerNumberColumn<OverdueItem>(t),
        { key: 'title', title: t('tickets.title'), dataIndex: 'title', ellipsis: true },
        ...(showDepartment
          ? [
              {
                key: 'dept',
                title: t('tickets.department'),
                render: (_: unknown, r: OverdueItem) => r.departmentName ?? '—',
              },
            ]
          : []),
        {
          key: 'status',
          title: t('tickets.status'),
          render: (_, r) => (
            <Space size={4}>
              {r.status && <StatusTag status={r.status as never} />}
              {r.superviseLevel && <Tag color="volcano">{t(`level.${r.superviseLevel}` as MessageKey)}</Tag>}
            </Space>
          ),
        },
        {
          key: 'due',
          title: t('tickets.deadline'),
          width: 170,
          render: (_, r) => {
            const d = alertedDeadline(r);
            return <Countdown dueAt={d.dueAt} flag={r.alertLevel} kind={d.kind} />;
          },
        },
      ]}
    />
  );
}

/** The footnote under every figures page: where the numbers come from and how they are attributed. */
export function SourceNote({ definitions }: { definitions?: Definitions }) {
  const { t, locale } = useI18n();
  return (
    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
      {t('dashboard.source')} {definitions?.attribution[locale === 'en' ? 'en' : 'zh']}
    </Typography.Text>
  );
}
