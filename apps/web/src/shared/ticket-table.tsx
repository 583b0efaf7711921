import { Button, Grid, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api, Query } from '../api/client';
import { Page, TicketStatus, TicketStatuses, TicketSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Countdown, formatDateTime } from './deadline';
import { useDirectory } from './directory';
import { ErrorState } from './states';
import { StatusTag, UrgencyTag } from './tags';
import { useTicketActivity } from '../notifications/use-notifications';
import { useCursorPages } from './use-cursor-pages';
import { useUser } from '../auth/session';
import { FILE_READERS } from '../layout/routes';

export type Column =
  | 'number'
  | 'title'
  | 'category'
  | 'status'
  | 'enterprise'
  | 'department'
  | 'role'
  | 'deadline'
  | 'submittedAt'
  | 'urgency';

interface Props {
  columns: Column[];
  defaultSort?: 'newest' | 'deadline';
  defaultStatus?: TicketStatus[];
  emptyText?: string;
  /** The department whose part (lead or co-handler) the role column shows. */
  departmentId?: string | null;
  /** Bumped by the parent to reload (e.g. on a live event). */
  refreshKey?: number;
  testId?: string;
}

const TITLE_MIN_WIDTH = 220;

/** The role-scoped ticket list of GET /api/v1/tickets with filters, sorting and cursor paging. */
export function TicketTable({
  columns,
  defaultSort = 'newest',
  defaultStatus,
  emptyText,
  departmentId,
  refreshKey = 0,
  testId,
}: Props) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { categories, categoryName, departmentName } = useDirectory();
  const [status, setStatus] = useState<TicketStatus[]>(defaultStatus ?? []);
  const [category, setCategory] = useState<string[]>([]);
  const [overdue, setOverdue] = useState(false);
  const [dueSoon, setDueSoon] = useState(false);
  const [sort, setSort] = useState(defaultSort);
  const [tick, setTick] = useState(0);
  // On a phone a table of nine columns shows two; a list shows each ticket whole.
  const narrow = !Grid.useBreakpoint().md;
  // A notification (new assignment, a step by someone else) reloads the list on screen.
  const activity = useTicketActivity();

  const query = (after?: string | null): Query => ({
    status,
    category,
    overdue: overdue || undefined,
    dueSoonHours: dueSoon ? 24 : undefined,
    sort,
    limit: 20,
    cursor: after ?? undefined,
  });

  const { rows, hasMore, loading, error, more } = useCursorPages(
    (after) => api<Page<TicketSummary>>('/api/v1/tickets', { query: query(after) }),
    [status.join(), category.join(), overdue, dueSoon, sort, refreshKey, tick, activity],
  );

  const all: Record<Column, ColumnsType<TicketSummary>[number]> = {
    number: {
      key: 'number',
      title: t('tickets.number'),
      dataIndex: 'number',
      width: 150,
      render: (_, r) => <Link to={`/tickets/${r.id}`}>{r.number}</Link>,
    },
    title: {
      key: 'title',
      title: t('tickets.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_, r) => (
        <Link to={`/tickets/${r.id}`} style={{ color: 'inherit' }}>
          {r.title}
        </Link>
      ),
    },
    category: {
      key: 'category',
      title: t('tickets.category'),
      width: 130,
      render: (_, r) => categoryName(r.category),
    },
    status: {
      key: 'status',
      title: t('tickets.status'),
      width: 130,
      render: (_, r) => <StatusTag status={r.status} />,
    },
    enterprise: {
      key: 'enterprise',
      title: t('tickets.enterprise'),
      ellipsis: true,
      width: 200,
      // 一企一档: who may read an enterprise's file may open it from here.
      render: (_, r) =>
        FILE_READERS.includes(user.role) ? (
          <Link to={`/enterprises/${r.enterpriseId}/file`}>{r.enterpriseName}</Link>
        ) : (
          r.enterpriseName
        ),
    },
    department: {
      key: 'department',
      title: t('tickets.department'),
      width: 130,
      render: (_, r) => departmentName(r.leadDepartmentId),
    },
    role: {
      key: 'role',
      title: t('tickets.role'),
      width: 80,
      render: (_, r) =>
        departmentId && r.leadDepartmentId === departmentId ? t('tickets.lead') : t('tickets.coHandler'),
    },
    deadline: {
      key: 'deadline',
      title: t('tickets.deadline'),
      width: 200,
      render: (_, r) => <Countdown dueAt={r.dueAt} flag={r.flag} kind={r.dueKind} />,
    },
    submittedAt: {
      key: 'submittedAt',
      title: t('tickets.submittedAt'),
      width: 160,
      render: (_, r) => formatDateTime(r.submittedAt, locale),
    },
    urgency: {
      key: 'urgency',
      title: t('tickets.urgency'),
      width: 90,
      render: (_, r) => <UrgencyTag urgency={r.urgency} />,
    },
  };

  return (
    <div data-testid={testId}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          mode="multiple"
          allowClear
          aria-label={t('tickets.filterStatus')}
          placeholder={t('tickets.filterStatus')}
          style={{ minWidth: 200 }}
          value={status}
          onChange={setStatus}
          options={TicketStatuses.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('tickets.filterCategory')}
          placeholder={t('tickets.filterCategory')}
          style={{ minWidth: 200 }}
          value={category}
          onChange={setCategory}
          options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
        />
        <Space size={4}>
          <Switch id={`${testId ?? 't'}-overdue`} checked={overdue} onChange={setOverdue} size="small" />
          <label htmlFor={`${testId ?? 't'}-overdue`}>{t('tickets.overdueOnly')}</label>
        </Space>
        <Space size={4}>
          <Switch id={`${testId ?? 't'}-due-soon`} checked={dueSoon} onChange={setDueSoon} size="small" />
          <label htmlFor={`${testId ?? 't'}-due-soon`}>{t('tickets.dueSoon')}</label>
        </Space>
        <Select
          aria-label={t('tickets.sort')}
          value={sort}
          onChange={setSort}
          style={{ width: 150 }}
          options={[
            { value: 'newest', label: t('tickets.sortNewest') },
            { value: 'deadline', label: t('tickets.sortDeadline') },
          ]}
        />
        <Button onClick={() => setTick((n) => n + 1)}>{t('common.refresh')}</Button>
      </Space>
      {error !== undefined && rows.length === 0 ? (
        <ErrorState error={error} onRetry={() => setTick((n) => n + 1)} />
      ) : (
        <>
          {narrow ? (
            <Spin spinning={loading}>
              <div role="list">
                {rows.length === 0 && !loading && (
                  <Typography.Text type="secondary">{emptyText ?? t('common.empty')}</Typography.Text>
                )}
                {rows.map((r) => (
                  <div
                    role="listitem"
                    key={r.id}
                    data-ticket={r.id}
                    className={r.flag === 'red' ? 'row-red' : r.flag === 'yellow' ? 'row-yellow' : ''}
                    style={{ padding: '12px 4px', borderBottom: '1px solid #f0f0f0' }}
                  >
                    <Space style={{ width: '100%', justifyContent: 'space-between' }}>
                      <Link to={`/tickets/${r.id}`}>{r.number}</Link>
                      <StatusTag status={r.status} />
                    </Space>
                    <div style={{ margin: '4px 0' }}>
                      <Link to={`/tickets/${r.id}`} style={{ color: 'inherit', fontWeight: 500 }}>
                        {r.title}
                      </Link>
                    </div>
                    <Space size={8} wrap style={{ fontSize: 12 }}>
                      <Typography.Text type="secondary">{categoryName(r.category)}</Typography.Text>
                      <UrgencyTag urgency={r.urgency} />
                      <Countdown dueAt={r.dueAt} flag={r.flag} kind={r.dueKind} />
                    </Space>
                  </div>
                ))}
              </div>
            </Spin>
          ) : (
            <Table<TicketSummary>
              rowKey="id"
              size="middle"
              loading={loading}
              columns={columns.map((c) => all[c])}
              dataSource={rows}
              pagination={false}
              // The title takes what the fixed columns leave and is cut with an ellipsis (a long title
              // must not push the deadline out of sight); below that width the table scrolls.
              scroll={{ x: columns.reduce((sum, c) => sum + (Number(all[c].width) || TITLE_MIN_WIDTH), 0) }}
              locale={{
                emptyText: (
                  <Typography.Text type="secondary">{emptyText ?? t('common.empty')}</Typography.Text>
                ),
              }}
              rowClassName={(r) => (r.flag === 'red' ? 'row-red' : r.flag === 'yellow' ? 'row-yellow' : '')}
            />
          )}
          {hasMore && (
            <div style={{ textAlign: 'center', marginTop: 12 }}>
              <Button onClick={more} loading={loading}>
                {t('common.loadMore')}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}
