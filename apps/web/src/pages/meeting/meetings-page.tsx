import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, Segmented, Space, Table, Tabs, Tag, Tooltip, Typography } from 'antd';
import { HTMLAttributes, useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { AsyncView, ErrorState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { useCursorPages } from '../../shared/use-cursor-pages';
import { DecisionQueue } from './decision-queue';
import { Candidate, MeetingStatus, MeetingSummary, meetingsApi } from './meeting-api';
import { MeetingStatusTag, refName } from './meeting-words';
import { MeetingCountCards } from './meeting-counts';

/** This year's counts from the meeting service, with the formulas it answers them with. */
function YearCounts() {
  const { t } = useI18n();
  const year = new Date().getFullYear();
  const state = useAsync(() => meetingsApi.stats(`${year}-01-01`, `${year}-12-31`), [year]);
  if (!state.data) return null;
  const s = state.data;
  return (
    <MeetingCountCards
      caption={t('meeting.countsOfYear', { year })}
      counts={{
        held: s.meetingsHeld,
        decided: s.itemsDecided,
        solved: s.decisionsSolved,
        cooperations: s.cooperationsReached,
      }}
      definitions={{
        held: s.definitions.meetingsHeld,
        decided: s.definitions.itemsDecided,
        solved: s.definitions.decisionsSolved,
        cooperations: s.definitions.cooperationsReached,
      }}
    />
  );
}

type StatusFilter = 'all' | MeetingStatus;

function MeetingList() {
  const { t, locale } = useI18n();
  const narrow = !Grid.useBreakpoint().md;
  const [status, setStatus] = useState<StatusFilter>('all');
  const [tick, setTick] = useState(0);
  const pages = useCursorPages(
    (cursor) => meetingsApi.list({ status: status === 'all' ? undefined : status, cursor }),
    [status, tick],
  );
  const reload = () => setTick((n) => n + 1);
  return (
    <Space orientation="vertical" size={12} style={{ width: '100%' }}>
      <Space wrap>
        <Segmented<StatusFilter>
          aria-label={t('tickets.filterStatus')}
          value={status}
          onChange={setStatus}
          options={[
            { value: 'all', label: t('meeting.filter.all') },
            { value: 'scheduled', label: t('meeting.status.scheduled') },
            { value: 'held', label: t('meeting.status.held') },
            { value: 'cancelled', label: t('meeting.status.cancelled') },
          ]}
        />
        <Button onClick={reload}>{t('common.refresh')}</Button>
      </Space>
      {pages.error !== undefined && pages.rows.length === 0 ? (
        <ErrorState error={pages.error} onRetry={reload} />
      ) : narrow ? (
        <div role={pages.rows.length ? 'list' : undefined} data-testid="meeting-list">
          {!pages.rows.length && !pages.loading && (
            <Typography.Text type="secondary">{t('meeting.empty')}</Typography.Text>
          )}
          {pages.rows.map((m) => (
            <div
              role="listitem"
              key={m.id}
              data-meeting={m.id}
              style={{ padding: '12px 4px', borderBottom: '1px solid #f0f0f0' }}
            >
              <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                <Link to={`/meetings/${m.id}`} style={{ fontWeight: 500 }}>
                  {m.title}
                </Link>
                <MeetingStatusTag status={m.status} />
              </Space>
              <div style={{ fontSize: 13, marginTop: 4 }}>
                {formatDateTime(m.heldAt ?? m.startsAt, locale)} · {m.place}
              </div>
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {t('meeting.itemsAndDecisions', { items: m.agendaItems, decisions: m.decisions })}
              </Typography.Text>
            </div>
          ))}
        </div>
      ) : (
        <Table<MeetingSummary>
          data-testid="meeting-list"
          rowKey="id"
          size="small"
          loading={pages.loading}
          dataSource={pages.rows}
          pagination={false}
          onRow={(m) => ({ 'data-meeting': m.id }) as HTMLAttributes<HTMLElement>}
          locale={{ emptyText: <Typography.Text type="secondary">{t('meeting.empty')}</Typography.Text> }}
          columns={[
            {
              key: 'title',
              title: t('meeting.title'),
              render: (_, m) => <Link to={`/meetings/${m.id}`}>{m.title}</Link>,
            },
            {
              key: 'time',
              title: t('meeting.startsAt'),
              width: 160,
              render: (_, m) => formatDateTime(m.heldAt ?? m.startsAt, locale),
            },
            { key: 'place', title: t('meeting.place'), dataIndex: 'place', width: 200, ellipsis: true },
            {
              key: 'convenor',
              title: t('meeting.convenor'),
              width: 140,
              render: (_, m) => m.convenor.name ?? '—',
            },
            { key: 'items', title: t('meeting.agendaCount'), dataIndex: 'agendaItems', width: 80 },
            { key: 'decisions', title: t('meeting.decisionCount'), dataIndex: 'decisions', width: 80 },
            {
              key: 'status',
              title: t('tickets.status'),
              width: 90,
              render: (_, m) => <MeetingStatusTag status={m.status} />,
            },
          ]}
        />
      )}
      {pages.hasMore && (
        <div style={{ textAlign: 'center' }}>
          <Button onClick={pages.more} loading={pages.loading}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
    </Space>
  );
}

/** 提请上会: the tickets the escalation ladder (or the committee's supervision) sent to the joint meeting. */
function CandidateList() {
  const { t, locale } = useI18n();
  const { departmentName } = useDirectory();
  const navigate = useNavigate();
  const state = useAsync(() => meetingsApi.candidates(), []);
  return (
    <AsyncView state={state}>
      {(c) => (
        <Space orientation="vertical" size={12} style={{ width: '100%' }}>
          <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
            {t('meeting.candidatesIntro', { tickets: c.tickets.length, followUps: c.followUps.length })}
          </Typography.Paragraph>
          <Table<Candidate>
            data-testid="candidates"
            rowKey="ticketId"
            size="small"
            dataSource={c.tickets}
            pagination={false}
            scroll={c.tickets.length ? { x: 720 } : undefined}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('meeting.noCandidates')}</Typography.Text>,
            }}
            columns={[
              {
                key: 'number',
                title: t('tickets.number'),
                width: 140,
                render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{r.number ?? '—'}</Link>,
              },
              { key: 'title', title: t('tickets.title'), render: (_, r) => r.title ?? '—' },
              {
                key: 'enterprise',
                title: t('tickets.enterprise'),
                width: 180,
                render: (_, r) => r.enterprise?.name ?? '—',
              },
              {
                key: 'lead',
                title: t('ticket.leadDepartment'),
                width: 110,
                render: (_, r) => refName(r.leadDepartment, departmentName),
              },
              {
                key: 'reason',
                title: t('meeting.candidateReason'),
                width: 150,
                render: (_, r) => (
                  <Tooltip title={r.note}>
                    <Tag color={r.reason === 'escalation' ? 'red' : 'volcano'}>
                      {t(`meeting.reason.${r.reason}`)}
                    </Tag>
                    <div style={{ fontSize: 12 }}>{formatDateTime(r.raisedAt, locale)}</div>
                  </Tooltip>
                ),
              },
            ]}
          />
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => navigate('/meetings/new')}
          >
            {t('meeting.scheduleFromAgenda')}
          </Button>
        </Space>
      )}
    </AsyncView>
  );
}

/**
 * 联席会议: the meetings (a department's: those it was invited to), this year's counts, the
 * decisions, and for the committee the tickets waiting for a meeting.
 */
export function MeetingsPage() {
  const { t } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const [params, setParams] = useSearchParams();
  const runs = user.role === 'committee' || user.role === 'admin';
  const tab = params.get('tab') ?? 'meetings';
  const tabs = [
    { key: 'meetings', label: t('meeting.tab.meetings'), children: <MeetingList /> },
    {
      key: 'decisions',
      label: t('meeting.tab.decisions'),
      children: <DecisionQueue testId="all-decisions" />,
    },
    ...(runs ? [{ key: 'candidates', label: t('meeting.tab.candidates'), children: <CandidateList /> }] : []),
  ];
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="meetings-page">
      <Space wrap style={{ width: '100%', justifyContent: 'space-between' }}>
        <h1 className="page-title">{t('nav.meetings')}</h1>
        {runs && (
          <Button
            type="primary"
            icon={<PlusOutlined aria-hidden />}
            onClick={() => navigate('/meetings/new')}
          >
            {t('meeting.schedule')}
          </Button>
        )}
      </Space>
      {runs && <YearCounts />}
      <Card size="small" styles={{ body: { paddingTop: 4 } }}>
        <Tabs
          activeKey={tabs.some((x) => x.key === tab) ? tab : 'meetings'}
          onChange={(k) => setParams(k === 'meetings' ? {} : { tab: k }, { replace: true })}
          items={tabs}
        />
      </Card>
    </Space>
  );
}
