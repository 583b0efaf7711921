import { Button, Checkbox, Grid, Select, Space, Spin, Switch, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReactNode, useState } from 'react';
import { Link, useSearchParams } from 'react-router-dom';
import { api, Query } from '../api/client';
import { Page, TicketStatus, TicketStatuses, TicketSummary } from '../api/types';
import { useI18n } from '../i18n/i18n';
import { Countdown, formatDateTime } from './deadline';
import { useDirectory } from './directory';
import { ErrorState } from './states';
import { FromVisitTag, StatusTag, UrgencyTag } from './tags';
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
  | 'urgency'
  | 'handler';

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
  /**
   * The filters live in the address (?status=…&category=…&overdue=true&dueSoon=24&sort=…), so a
   * figure elsewhere can link to the list it counts, and the list can be shared or reloaded as it is.
   */
  filtersInUrl?: boolean;
  /**
   * Actions on several tickets at once: rows get a tick box, and what this renders (given the
   * ticked tickets and a callback that reloads the list) stands above them.
   */
  bulk?: (selected: TicketSummary[], done: () => void) => ReactNode;
  /** Offer “only those named to me” (承办人 = the user). */
  mineFilter?: boolean;
  /** Offer “only those awaiting a callback” (待回访: the committee's calls to make). */
  callbackFilter?: boolean;
}

const TITLE_MIN_WIDTH = 200;
const TICK_WIDTH = 32;

const listParam = (p: URLSearchParams, name: string) => (p.get(name) ?? '').split(',').filter(Boolean);

/** The role-scoped ticket list of GET /api/v1/tickets with filters, sorting and cursor paging. */
export function TicketTable({
  columns,
  defaultSort = 'newest',
  defaultStatus,
  emptyText,
  departmentId,
  refreshKey = 0,
  testId,
  filtersInUrl = false,
  bulk,
  mineFilter = false,
  callbackFilter = false,
}: Props) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { categories, categoryName, departmentName } = useDirectory();
  const [params, setParams] = useSearchParams();
  const fromUrl = (filtersInUrl ? params : new URLSearchParams()) as URLSearchParams;
  const [status, setStatusState] = useState<TicketStatus[]>(
    filtersInUrl && fromUrl.has('status')
      ? (listParam(fromUrl, 'status').filter((s) =>
          (TicketStatuses as readonly string[]).includes(s),
        ) as TicketStatus[])
      : (defaultStatus ?? []),
  );
  const [category, setCategoryState] = useState<string[]>(listParam(fromUrl, 'category'));
  const [overdue, setOverdueState] = useState(fromUrl.get('overdue') === 'true');
  const [dueSoon, setDueSoonState] = useState(fromUrl.has('dueSoon'));
  const [awaitingCallback, setAwaitingCallbackState] = useState(
    callbackFilter && fromUrl.get('awaitingCallback') === 'true',
  );
  const [sort, setSortState] = useState<'newest' | 'deadline'>(
    fromUrl.get('sort') === 'deadline'
      ? 'deadline'
      : fromUrl.get('sort') === 'newest'
        ? 'newest'
        : defaultSort,
  );
  // Each change of a filter is written to the address too (replacing, so Back leaves the list).
  const inUrl =
    <T,>(set: (v: T) => void, name: string, encode: (v: T) => string | null) =>
    (v: T) => {
      set(v);
      if (!filtersInUrl) return;
      const next = new URLSearchParams(params);
      const value = encode(v);
      if (value) next.set(name, value);
      else next.delete(name);
      setParams(next, { replace: true });
    };
  const setStatus = inUrl(setStatusState, 'status', (v: TicketStatus[]) => v.join(',') || null);
  const setCategory = inUrl(setCategoryState, 'category', (v: string[]) => v.join(',') || null);
  const setOverdue = inUrl(setOverdueState, 'overdue', (v: boolean) => (v ? 'true' : null));
  const setDueSoon = inUrl(setDueSoonState, 'dueSoon', (v: boolean) => (v ? '24' : null));
  const setAwaitingCallback = inUrl(setAwaitingCallbackState, 'awaitingCallback', (v: boolean) =>
    v ? 'true' : null,
  );
  const setSort = inUrl(setSortState, 'sort', (v: 'newest' | 'deadline') => v);
  const [tick, setTick] = useState(0);
  const [ticked, setTicked] = useState<string[]>([]);
  const [mine, setMine] = useState(false);
  // On a phone a table of nine columns shows two; a list shows each ticket whole.
  const narrow = !Grid.useBreakpoint().md;
  // A notification (new assignment, a step by someone else) reloads the list on screen.
  const activity = useTicketActivity();

  const query = (after?: string | null): Query => ({
    status,
    category,
    overdue: overdue || undefined,
    dueSoonHours: dueSoon ? 24 : undefined,
    awaitingCallback: awaitingCallback || undefined,
    assignedToMe: mine || undefined,
    sort,
    limit: 20,
    cursor: after ?? undefined,
  });

  const { rows, hasMore, loading, error, more } = useCursorPages(
    (after) => api<Page<TicketSummary>>('/api/v1/tickets', { query: query(after) }),
    [
      status.join(),
      category.join(),
      overdue,
      dueSoon,
      awaitingCallback,
      sort,
      refreshKey,
      tick,
      activity,
      mine,
    ],
  );

  const all: Record<Column, ColumnsType<TicketSummary>[number]> = {
    number: {
      key: 'number',
      title: t('tickets.number'),
      dataIndex: 'number',
      width: 130,
      render: (_, r) => <Link to={`/tickets/${r.id}`}>{r.number}</Link>,
    },
    title: {
      key: 'title',
      title: t('tickets.title'),
      dataIndex: 'title',
      ellipsis: true,
      render: (_, r) => (
        <>
          {r.channel === 'visit' && <FromVisitTag />}
          <Link to={`/tickets/${r.id}`} style={{ color: 'inherit' }}>
            {r.title}
          </Link>
        </>
      ),
    },
    category: {
      key: 'category',
      title: t('tickets.category'),
      width: 100,
      render: (_, r) => categoryName(r.category),
    },
    status: {
      key: 'status',
      title: t('tickets.status'),
      width: 120,
      render: (_, r) => <StatusTag status={r.status} />,
    },
    enterprise: {
      key: 'enterprise',
      title: t('tickets.enterprise'),
      ellipsis: true,
      width: 150,
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
      width: 100,
      render: (_, r) => departmentName(r.leadDepartmentId),
    },
    role: {
      key: 'role',
      title: t('tickets.role'),
      width: 60,
      render: (_, r) =>
        departmentId && r.leadDepartmentId === departmentId ? t('tickets.lead') : t('tickets.coHandler'),
    },
    deadline: {
      key: 'deadline',
      title: t('tickets.deadline'),
      width: 160,
      render: (_, r) => <Countdown dueAt={r.dueAt} flag={r.flag} kind={r.dueKind} />,
    },
    submittedAt: {
      key: 'submittedAt',
      title: t('tickets.submittedAt'),
      width: 100,
      // Date above time: two short lines instead of one cut one.
      render: (_, r) => {
        const [day, time] = formatDateTime(r.submittedAt, locale).split(/,?\s+/);
        return (
          <span style={{ whiteSpace: 'nowrap' }}>
            {day}
            <br />
            {time}
          </span>
        );
      },
    },
    handler: {
      key: 'handler',
      title: t('handler.label'),
      width: 90,
      ellipsis: true,
      render: (_, r) => r.handler?.name ?? '—',
    },
    urgency: {
      key: 'urgency',
      title: t('tickets.urgency'),
      width: 70,
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
        {callbackFilter && (
          <Space size={4}>
            <Switch
              id={`${testId ?? 't'}-callback`}
              checked={awaitingCallback}
              onChange={setAwaitingCallback}
              size="small"
            />
            <label htmlFor={`${testId ?? 't'}-callback`}>{t('callback.filter')}</label>
          </Space>
        )}
        {mineFilter && (
          <Space size={4}>
            <Switch id={`${testId ?? 't'}-mine`} checked={mine} onChange={setMine} size="small" />
            <label htmlFor={`${testId ?? 't'}-mine`}>{t('tickets.assignedToMe')}</label>
          </Space>
        )}
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
      {bulk && (
        <div style={{ marginBottom: 12, display: 'flex', flexWrap: 'wrap', gap: 12, alignItems: 'center' }}>
          <Checkbox
            checked={rows.length > 0 && rows.every((r) => ticked.includes(r.id))}
            indeterminate={ticked.length > 0 && !rows.every((r) => ticked.includes(r.id))}
            disabled={!rows.length}
            onChange={(e) => setTicked(e.target.checked ? rows.map((r) => r.id) : [])}
          >
            {t('tickets.tickAll')}
          </Checkbox>
          {bulk(
            rows.filter((r) => ticked.includes(r.id)),
            () => {
              setTicked([]);
              setTick((n) => n + 1);
            },
          )}
        </div>
      )}
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
                      <span>
                        {bulk && (
                          <Checkbox
                            aria-label={t('tickets.tick', { number: r.number })}
                            checked={ticked.includes(r.id)}
                            onChange={(e) =>
                              setTicked((x) =>
                                e.target.checked ? [...x, r.id] : x.filter((id) => id !== r.id),
                              )
                            }
                            style={{ marginInlineEnd: 8 }}
                          />
                        )}
                        <Link to={`/tickets/${r.id}`}>{r.number}</Link>
                      </span>
                      <StatusTag status={r.status} />
                    </Space>
                    <div style={{ margin: '4px 0' }}>
                      {r.channel === 'visit' && <FromVisitTag />}
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
              size="small"
              loading={loading}
              columns={columns.map((c) => all[c])}
              dataSource={rows}
              pagination={false}
              // The title takes what the fixed columns leave and is cut with an ellipsis (a long title
              // must not push the deadline out of sight); below that width the table scrolls.
              scroll={{
                x:
                  columns.reduce((sum, c) => sum + (Number(all[c].width) || TITLE_MIN_WIDTH), 0) +
                  // The tick column takes its room from the title's, so the list still fits 1366 px.
                  (bulk ? TICK_WIDTH - 20 : 0),
              }}
              locale={{
                emptyText: (
                  <Typography.Text type="secondary">{emptyText ?? t('common.empty')}</Typography.Text>
                ),
              }}
              rowClassName={(r) => (r.flag === 'red' ? 'row-red' : r.flag === 'yellow' ? 'row-yellow' : '')}
              rowSelection={
                bulk
                  ? {
                      selectedRowKeys: ticked,
                      columnWidth: TICK_WIDTH,
                      // A title, not a select-all box: the hidden measuring row would copy a focusable box.
                      columnTitle: <span className="visually-hidden">{t('tickets.tickColumn')}</span>,
                      onChange: (keys) => setTicked(keys as string[]),
                      getCheckboxProps: (r) => ({ 'aria-label': t('tickets.tick', { number: r.number }) }),
                    }
                  : undefined
              }
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
