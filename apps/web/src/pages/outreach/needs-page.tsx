import { PlusOutlined } from '@ant-design/icons';
import { Button, Card, Grid, List, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page, Role } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { FILE_READERS, VISIT_READERS } from '../../layout/routes';
import { useDirectory } from '../../shared/directory';
import { formatDateTime } from '../../shared/format';
import { ErrorState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { useCursorPages } from '../../shared/use-cursor-pages';
import { useGridEnterprises } from './grid-enterprises';
import { AddNeedModal, UpdateNeedModal } from './need-forms';
import { allPages, Need, NeedKinds, NeedStatuses, OUTREACH, OutreachEnterprise } from './outreach-api';
import { NeedStatusTag } from './outreach-words';

/** The enterprises a user may add needs for: an instructor their grid's, the committee all. */
function useNeedEnterprises(role: Role, userId: string): { id: string; name: string }[] {
  const grid = useGridEnterprises(userId, role === 'instructor');
  const all = useAsync(
    () =>
      role === 'committee' || role === 'admin'
        ? allPages((cursor) =>
            api<Page<OutreachEnterprise>>(`${OUTREACH}/enterprises`, { query: { limit: 100, cursor } }),
          )
        : Promise.resolve([] as OutreachEnterprise[]),
    [role],
  );
  if (role === 'instructor') return grid.enterprises.map((e) => ({ id: e.id, name: e.name }));
  return (all.data ?? []).map((e) => ({ id: e.enterpriseId, name: e.enterpriseName }));
}

/**
 * 需求清单: the needs that are not complaints (project applications, hiring, financing, matching in the
 * chain) — an instructor's grids', a department's routed to it, everyone's for the committee — each
 * with its status, the department following it up and the ticket it became; moved on from here.
 */
export function NeedsPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const { departmentName } = useDirectory();
  const narrow = !Grid.useBreakpoint().md;
  const [status, setStatus] = useState<string[]>(['open', 'in_progress']);
  const [kind, setKind] = useState<string[]>([]);
  const [tick, setTick] = useState(0);
  const [adding, setAdding] = useState(false);
  const [editing, setEditing] = useState<Need | null>(null);
  const mayAdd = user.role !== 'department';
  const enterprises = useNeedEnterprises(mayAdd ? user.role : 'department', user.id);
  const { rows, hasMore, loading, error, more } = useCursorPages(
    (cursor) => api<Page<Need>>(`${OUTREACH}/needs`, { query: { status, kind, limit: 50, cursor } }),
    [status.join(), kind.join(), tick],
  );
  const enterpriseCell = (n: Need) =>
    FILE_READERS.includes(user.role) ? (
      <Link to={`/enterprises/${n.enterpriseId}/file`}>{n.enterpriseName}</Link>
    ) : (
      n.enterpriseName
    );
  const owner = (n: Need) =>
    n.ownerDepartment ? (n.ownerDepartment.name ?? departmentName(n.ownerDepartment.id)) : '—';
  const ticket = (n: Need) =>
    n.ticket ? <Link to={`/tickets/${n.ticket.id}`}>{n.ticket.number ?? '—'}</Link> : '—';
  const update = (n: Need) => (
    <Button size="small" onClick={() => setEditing(n)} aria-label={t('need.updateOf', { title: n.title })}>
      {t('need.updateShort')}
    </Button>
  );

  return (
    <Card
      styles={{ body: { padding: 16 } }}
      data-testid="needs"
      title={<h1 className="page-title">{t('nav.needs')}</h1>}
      extra={
        mayAdd && (
          <Button type="primary" icon={<PlusOutlined aria-hidden />} onClick={() => setAdding(true)}>
            {t('need.add')}
          </Button>
        )
      }
    >
      <Typography.Paragraph type="secondary">
        {t(`need.intro.${user.role}` as MessageKey)}
      </Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <Select
          mode="multiple"
          allowClear
          aria-label={t('need.filterStatus')}
          placeholder={t('need.filterStatus')}
          style={{ minWidth: 200 }}
          value={status}
          onChange={setStatus}
          options={NeedStatuses.map((s) => ({ value: s, label: t(`need.status.${s}` as MessageKey) }))}
        />
        <Select
          mode="multiple"
          allowClear
          aria-label={t('need.filterKind')}
          placeholder={t('need.filterKind')}
          style={{ minWidth: 200 }}
          value={kind}
          onChange={setKind}
          options={NeedKinds.map((k) => ({ value: k, label: t(`need.kind.${k}` as MessageKey) }))}
        />
        <Button onClick={() => setTick((n) => n + 1)}>{t('common.refresh')}</Button>
      </Space>
      {error !== undefined && rows.length === 0 ? (
        <ErrorState error={error} onRetry={() => setTick((n) => n + 1)} />
      ) : narrow ? (
        <List
          loading={loading}
          dataSource={rows}
          locale={{ emptyText: <Typography.Text type="secondary">{t('need.empty')}</Typography.Text> }}
          renderItem={(n) => (
            <List.Item data-need={n.id} actions={[update(n)]}>
              <Space orientation="vertical" size={2}>
                <Space wrap size={4}>
                  <Typography.Text strong>{n.title}</Typography.Text>
                  <NeedStatusTag status={n.status} />
                </Space>
                <Typography.Text style={{ fontSize: 12 }}>
                  {enterpriseCell(n)} · {t(`need.kind.${n.kind}` as MessageKey)} · {owner(n)}
                </Typography.Text>
                {n.ticket && <Typography.Text style={{ fontSize: 12 }}>{ticket(n)}</Typography.Text>}
              </Space>
            </List.Item>
          )}
        />
      ) : (
        <Table<Need>
          rowKey="id"
          size="small"
          loading={loading}
          dataSource={rows}
          pagination={false}
          scroll={{ x: 1000 }}
          locale={{ emptyText: <Typography.Text type="secondary">{t('need.empty')}</Typography.Text> }}
          expandable={{
            expandedRowRender: (n) => (
              <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                {n.description}
              </Typography.Paragraph>
            ),
          }}
          columns={[
            {
              key: 'enterprise',
              title: t('visit.enterprise'),
              width: 200,
              render: (_, n) => enterpriseCell(n),
            },
            {
              key: 'kind',
              title: t('need.kind'),
              width: 100,
              render: (_, n) => <Tag>{t(`need.kind.${n.kind}` as MessageKey)}</Tag>,
            },
            { key: 'title', title: t('need.title'), dataIndex: 'title' },
            {
              key: 'status',
              title: t('need.statusLabel'),
              width: 90,
              render: (_, n) => <NeedStatusTag status={n.status} />,
            },
            { key: 'owner', title: t('need.ownerDepartment'), width: 110, render: (_, n) => owner(n) },
            { key: 'ticket', title: t('need.ticket'), width: 140, render: (_, n) => ticket(n) },
            {
              key: 'visit',
              title: t('need.fromVisit'),
              width: 80,
              render: (_, n) =>
                n.visitId &&
                VISIT_READERS.includes(user.role) &&
                (user.role !== 'instructor' || n.instructorUserId === user.id) ? (
                  <Link to={`/visits/${n.visitId}`}>{t('common.view')}</Link>
                ) : n.visitId ? (
                  t('common.yes')
                ) : (
                  '—'
                ),
            },
            {
              key: 'created',
              title: t('need.createdAt'),
              width: 150,
              render: (_, n) => formatDateTime(n.createdAt, locale),
            },
            { key: 'actions', title: t('common.actions'), width: 90, render: (_, n) => update(n) },
          ]}
        />
      )}
      {hasMore && (
        <div style={{ textAlign: 'center', marginTop: 12 }}>
          <Button onClick={() => void more()} loading={loading}>
            {t('common.loadMore')}
          </Button>
        </div>
      )}
      <AddNeedModal
        open={adding}
        enterprises={enterprises}
        onClose={() => setAdding(false)}
        onAdded={() => {
          setAdding(false);
          setTick((n) => n + 1);
        }}
      />
      <UpdateNeedModal
        need={editing}
        onClose={() => setEditing(null)}
        onUpdated={() => {
          setEditing(null);
          setTick((n) => n + 1);
        }}
      />
    </Card>
  );
}
