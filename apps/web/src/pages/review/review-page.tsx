import {
  Card,
  Col,
  Descriptions,
  Grid,
  Row,
  Segmented,
  Select,
  Space,
  Statistic,
  Table,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { percent, RATE_KEYS, RATE_LABELS, RateKey } from '../../shared/ledger-figures';
import { AsyncView, EmptyState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { MeetingCountCards } from '../meeting/meeting-counts';
import { DownloadButton } from './download-button';
import { KeyboardScroll } from './keyboard-scroll';
import {
  quarterOf,
  RatePart,
  reviewApi,
  ReviewDepartment,
  ReviewReport,
  ReviewTicket,
  score100,
} from './review-api';

/** "83.1%  (108 / 130)": a rate with what it is made of. */
function PartCell({ part, inline }: { part: RatePart | undefined; inline?: boolean }) {
  if (!part) return <>—</>;
  return (
    <span data-numerator={part.numerator} data-denominator={part.denominator}>
      {percent(part.value)}
      {inline ? ' ' : <br />}
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {inline ? `（${part.numerator} / ${part.denominator}）` : `${part.numerator} / ${part.denominator}`}
      </Typography.Text>
    </span>
  );
}

function RankingTable({ report }: { report: ReviewReport }) {
  const { t } = useI18n();
  const user = useUser();
  const yearly = report.kind === 'year';
  // The committee opens a department's tickets from its name (the list is the committee's page).
  const lists = user.role === 'committee' || user.role === 'admin';
  const rate = (key: RateKey) => ({
    key,
    title: t(RATE_LABELS[key]),
    width: 110,
    render: (_: unknown, r: ReviewDepartment) => <PartCell part={r.parts[key]} />,
  });
  // Without rows, only the words: an empty table's fixed column widths would push a phone's page sideways.
  if (!report.departments.length)
    return (
      <div data-testid="review-ranking">
        <EmptyState text={t('review.noDepartments')} />
      </div>
    );
  return (
    <Table<ReviewDepartment>
      data-testid="review-ranking"
      size="small"
      rowKey="departmentId"
      pagination={false}
      dataSource={report.departments}
      scroll={{ x: 'max-content' }}
      columns={[
        { key: 'rank', title: '#', dataIndex: 'rank', width: 40, fixed: 'left' },
        {
          key: 'name',
          title: t('tickets.department'),
          width: 110,
          fixed: 'left',
          render: (_, r) =>
            lists ? (
              <Link to={`/tickets?department=${encodeURIComponent(r.departmentId)}`}>{r.name}</Link>
            ) : (
              r.name
            ),
        },
        {
          key: 'score',
          // The formula on hover (and written out under the table for everyone).
          title: (
            <Tooltip title={yearly ? report.formula.evaluation : report.formula.ranking}>
              {t(yearly ? 'review.evaluationScore' : 'dashboard.score')}
            </Tooltip>
          ),
          width: 90,
          render: (_, r) => <strong>{score100(r.score)}</strong>,
        },
        ...(yearly
          ? [
              {
                key: 'ranking',
                title: t('dashboard.score'),
                width: 90,
                render: (_: unknown, r: ReviewDepartment) => score100(r.rankingScore),
              },
            ]
          : []),
        { key: 'received', title: t('dashboard.received'), dataIndex: 'received', width: 80 },
        ...RATE_KEYS.map(rate),
      ]}
    />
  );
}

function TicketList({
  tickets,
  total,
  kind,
}: {
  tickets: ReviewTicket[];
  total: number;
  kind: 'overdue' | 'reopened' | 'supervised';
}) {
  const { t, locale } = useI18n();
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={8}>
      <Typography.Text type="secondary">
        {t('review.listTotal', { total, shown: tickets.length })}
      </Typography.Text>
      {tickets.length ? (
        <Table<ReviewTicket>
          data-testid={`review-${kind}`}
          size="small"
          rowKey="ticketId"
          pagination={tickets.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
          dataSource={tickets}
          scroll={{ x: 760 }}
          columns={[
            {
              key: 'number',
              title: t('tickets.number'),
              width: 140,
              render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{r.number}</Link>,
            },
            { key: 'title', title: t('tickets.title'), dataIndex: 'title', ellipsis: true },
            {
              key: 'enterprise',
              title: t('tickets.enterprise'),
              dataIndex: 'enterpriseName',
              width: 180,
              ellipsis: true,
            },
            { key: 'department', title: t('tickets.department'), dataIndex: 'departmentName', width: 100 },
            ...(kind === 'overdue'
              ? [
                  {
                    key: 'due',
                    title: t('dueKind.resolve'),
                    width: 150,
                    render: (_: unknown, r: ReviewTicket) => formatDateTime(r.resolveDueAt, locale),
                  },
                  {
                    key: 'done',
                    title: t('review.resolvedAt'),
                    width: 150,
                    render: (_: unknown, r: ReviewTicket) => formatDateTime(r.resolvedAt, locale),
                  },
                ]
              : kind === 'reopened'
                ? [{ key: 'reopens', title: t('ticket.reopenCount'), dataIndex: 'reopenCount', width: 90 }]
                : [
                    {
                      key: 'level',
                      title: t('field.level'),
                      width: 120,
                      render: (_: unknown, r: ReviewTicket) =>
                        r.superviseLevel ? t(`level.${r.superviseLevel}` as MessageKey) : '—',
                    },
                    {
                      key: 'result',
                      title: t('review.whatWasDone'),
                      width: 220,
                      ellipsis: true,
                      render: (_: unknown, r: ReviewTicket) => r.result ?? r.replyMessage ?? '—',
                    },
                  ]),
          ]}
        />
      ) : (
        // Only the words: an empty table's column widths would push a phone's page sideways.
        <div data-testid={`review-${kind}`}>
          <EmptyState text={t('review.noTickets')} />
        </div>
      )}
    </Space>
  );
}

function Meetings({ report }: { report: ReviewReport }) {
  const { t, locale } = useI18n();
  const m = report.meetings;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} size={12}>
      <MeetingCountCards counts={m.counts} />
      {m.held.length === 0 ? (
        <EmptyState text={t('review.noMeetings')} />
      ) : (
        m.held.map((x) => (
          <Card
            key={x.meetingId}
            size="small"
            title={
              <Link to={`/meetings/${x.meetingId}`}>
                {x.title ?? '—'}（{formatDateTime(x.heldAt, locale)}）
              </Link>
            }
          >
            {x.decisions.length === 0 ? (
              <Typography.Text type="secondary">{t('meeting.noDecisions')}</Typography.Text>
            ) : (
              <ul style={{ margin: 0, paddingInlineStart: 20 }}>
                {x.decisions.map((d) => (
                  <li key={d.decisionId}>
                    <strong>{d.title}</strong>：{d.task}（{d.leadDepartmentName}
                    {d.dueAt ? ` · ${formatDateTime(d.dueAt, locale)}` : ''}）
                    {d.outcome && (
                      <Tag style={{ marginInlineStart: 6 }}>
                        {t(`decision.outcome.${d.outcome}` as MessageKey)}
                      </Tag>
                    )}
                    {!d.outcome && d.progress && (
                      <Tag style={{ marginInlineStart: 6 }}>
                        {t(`decision.progress.${d.progress}` as MessageKey)}
                      </Tag>
                    )}
                    {d.breached && <Tag color="red">{t('flag.red')}</Tag>}
                    {d.cooperation && <Tag color="gold">{t('decision.cooperation')}</Tag>}
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ))
      )}
    </Space>
  );
}

function Instructors({ report }: { report: ReviewReport }) {
  const { t } = useI18n();
  if (!report.instructors) return null;
  return (
    <Card size="small" title={t('review.instructors')}>
      {!report.instructors.length && <EmptyState />}
      {report.instructors.length > 0 && (
        <KeyboardScroll label={t('review.instructors')}>
          <Table
            data-testid="review-instructors"
            size="small"
            rowKey="instructorUserId"
            pagination={false}
            dataSource={report.instructors}
            scroll={{ x: 'max-content' }}
            columns={[
              { key: 'rank', title: '#', dataIndex: 'rank', width: 40 },
              { key: 'name', title: t('review.instructor'), dataIndex: 'name' },
              { key: 'score', title: t('review.points'), render: (_, r) => r.score.toFixed(1) },
              {
                key: 'visits',
                title: t('review.visitsPlanned'),
                render: (_, r) => `${r.figures.visitedPlanned} / ${r.figures.planned}`,
              },
              { key: 'problems', title: t('review.problems'), render: (_, r) => r.figures.problems },
              { key: 'solved', title: t('review.solved'), render: (_, r) => r.figures.solved },
              {
                key: 'sat',
                title: t(RATE_LABELS.satisfactionRate),
                render: (_, r) => percent(r.figures.satisfactionRate),
              },
            ]}
          />
        </KeyboardScroll>
      )}
      {report.formula.instructors && (
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8 }}>
          {report.formula.instructors}
        </Typography.Paragraph>
      )}
    </Card>
  );
}

function Report({ report }: { report: ReviewReport }) {
  const { t, locale } = useI18n();
  const c = report.totals.counters;
  const narrow = !Grid.useBreakpoint().md;
  return (
    <Space
      orientation="vertical"
      size={16}
      style={{ width: '100%' }}
      data-testid="review-report"
      data-period={report.period}
    >
      <Card size="small">
        <Typography.Title level={2} style={{ fontSize: 18, marginTop: 0 }} data-testid="review-title">
          {report.title}
        </Typography.Title>
        <Typography.Text type="secondary">
          {t('review.range', {
            from: report.from,
            to: report.to,
            at: formatDateTime(report.generatedAt, locale),
          })}
        </Typography.Text>
        <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
          <Col xs={12} md={6}>
            <Statistic title={t('dashboard.received')} value={c.received ?? 0} />
          </Col>
          <Col xs={12} md={6}>
            <Statistic
              title={t('review.feedback')}
              value={c.feedback ?? 0}
              suffix={t('review.byCallback', { n: c.feedbackByCallback ?? 0 })}
            />
          </Col>
          <Col xs={12} md={6}>
            <Statistic title={t('review.overdue')} value={report.overdue.total} />
          </Col>
          {!report.departmentId && (
            <Col xs={12} md={6}>
              <Tooltip title={t('review.triageRateHelp')}>
                <Statistic title={t('review.triageRate')} value={percent(report.totals.triageRate)} />
              </Tooltip>
            </Col>
          )}
        </Row>
      </Card>
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('review.rates')} style={{ height: '100%' }}>
            <Descriptions
              size="small"
              column={narrow ? 1 : 2}
              data-testid="review-rates"
              items={RATE_KEYS.map((k) => ({
                key: k,
                label: t(RATE_LABELS[k]),
                children: <PartCell part={report.totals.parts[k]} inline />,
              }))}
            />
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('review.channels')} style={{ height: '100%' }}>
            <Table
              data-testid="review-channels"
              size="small"
              rowKey="channel"
              pagination={false}
              dataSource={report.channels}
              columns={[
                { key: 'name', title: t('review.channel'), dataIndex: 'name' },
                { key: 'received', title: t('dashboard.received'), dataIndex: 'received', width: 90 },
              ]}
            />
          </Card>
        </Col>
      </Row>
      <Card size="small" title={t(report.kind === 'year' ? 'review.rankingYear' : 'review.ranking')}>
        <KeyboardScroll label={t(report.kind === 'year' ? 'review.rankingYear' : 'review.ranking')}>
          <RankingTable report={report} />
        </KeyboardScroll>
        <Typography.Paragraph type="secondary" style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}>
          {report.kind === 'year' && report.formula.evaluation ? `${report.formula.evaluation} ` : ''}
          {report.formula.ranking}
        </Typography.Paragraph>
      </Card>
      <Card size="small" title={t('review.overdueList')}>
        <TicketList kind="overdue" tickets={report.overdue.tickets} total={report.overdue.total} />
      </Card>
      <Card size="small" title={t('review.reopenedList')}>
        <TicketList kind="reopened" tickets={report.reopened.tickets} total={report.reopened.total} />
      </Card>
      <Card size="small" title={t('review.supervisedList')}>
        <TicketList kind="supervised" tickets={report.supervised.tickets} total={report.supervised.total} />
      </Card>
      <Card size="small" title={t('nav.meetings')}>
        <Meetings report={report} />
      </Card>
      <Instructors report={report} />
      <Typography.Paragraph type="secondary" style={{ fontSize: 12 }}>
        {report.formula.attribution}
      </Typography.Paragraph>
    </Space>
  );
}

type Kind = 'quarter' | 'year';

/**
 * 季度督查 / 年度考评: a quarter's or a year's report, on screen and as the .xlsx and printable PDF
 * the ledger draws from the same data. A department reads its own part.
 */
export function ReviewPage() {
  const { t } = useI18n();
  const user = useUser();
  const { departments, departmentName } = useDirectory();
  const now = new Date();
  const [kind, setKind] = useState<Kind>('quarter');
  const [year, setYear] = useState(now.getFullYear());
  const [quarter, setQuarter] = useState(Number(quarterOf(now).slice(-1)));
  const [departmentId, setDepartmentId] = useState<string>();
  const period = kind === 'year' ? String(year) : `${year}-Q${quarter}`;
  const runs = user.role === 'committee' || user.role === 'admin';
  const scope = runs ? departmentId : undefined;
  const state = useAsync(() => reviewApi.review(period, scope), [period, scope]);
  const years = [now.getFullYear(), now.getFullYear() - 1, now.getFullYear() - 2];
  const base = kind === 'year' ? t('review.yearly') : t('review.quarterly');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="review-page">
      <h1 className="page-title">
        {t('nav.reviews')}
        {user.role === 'department' ? ` · ${departmentName(user.departmentId)}` : ''}
      </h1>
      <Card size="small">
        <Space wrap size={[12, 12]}>
          <Segmented<Kind>
            aria-label={t('review.kind')}
            value={kind}
            onChange={setKind}
            options={[
              { value: 'quarter', label: t('review.quarterly') },
              { value: 'year', label: t('review.yearly') },
            ]}
          />
          <Select
            aria-label={t('review.year')}
            value={year}
            onChange={setYear}
            style={{ width: 110 }}
            options={years.map((y) => ({ value: y, label: t('review.yearOption', { year: y }) }))}
          />
          {kind === 'quarter' && (
            <Select
              aria-label={t('review.quarter')}
              value={quarter}
              onChange={setQuarter}
              style={{ width: 130 }}
              options={[1, 2, 3, 4].map((q) => ({ value: q, label: t(`review.q${q}` as MessageKey) }))}
            />
          )}
          {runs && (
            <Select
              aria-label={t('review.department')}
              value={departmentId}
              onChange={setDepartmentId}
              allowClear
              placeholder={t('review.allDepartments')}
              style={{ width: 170 }}
              showSearch={{ optionFilterProp: 'label' }}
              options={departments.map((d) => ({ value: d.id, label: departmentName(d.id) }))}
            />
          )}
          <DownloadButton
            primary
            testId="review-xlsx"
            fetchFile={() => reviewApi.reviewFile(period, 'xlsx', scope)}
            fallbackName={`${base}_${period}.xlsx`}
          >
            {t('review.downloadXlsx')}
          </DownloadButton>
          <DownloadButton
            testId="review-pdf"
            fetchFile={() => reviewApi.reviewFile(period, 'pdf', scope)}
            fallbackName={`${base}_${period}.pdf`}
          >
            {t('review.downloadPdf')}
          </DownloadButton>
        </Space>
      </Card>
      <AsyncView state={state}>{(r) => <Report report={r} />}</AsyncView>
    </Space>
  );
}
