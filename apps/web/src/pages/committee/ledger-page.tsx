import { CheckCircleFilled, LinkOutlined, SafetyCertificateOutlined, WarningFilled } from '@ant-design/icons';
import {
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Select,
  Space,
  Table,
  Tabs,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/deadline';
import { ledgerNumberColumn } from '../../shared/ledger-figures';
import { problemMessage } from '../../shared/problems';
import { AsyncView, EmptyState, ErrorState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { useCursorPages } from '../../shared/use-cursor-pages';
import { LedgerPayload } from './ledger-payload';

interface VerifyReport {
  ok: boolean;
  checkedEntries: number;
  checkedSeals: number;
  headSeq: number;
  headHash: string;
  firstBroken: { seq: number; problem: string; detail: string } | null;
  verifiedAt: string;
}

interface LedgerEntry {
  seq: number;
  eventId: string;
  type: string;
  ticketId: string | null;
  ticketNumber: string | null;
  actorId: string;
  actorRole: string;
  occurredAt: string;
  recordedAt: string;
  payload: unknown;
  prevHash: string;
  hash: string;
}

interface EntriesPage {
  items: LedgerEntry[];
  nextCursor: string | null;
  headSeq: number;
}

interface AgendaItem {
  ticketId: string;
  number: string | null;
  title: string | null;
  enterpriseName: string | null;
  departmentName: string | null;
  coHandlerNames?: string[];
  jointMeetingAt: string | null;
  jointMeetingReason: string | null;
  status: string | null;
}

/** The event types the ledger records, in the words of the people who read it. */
const EVENT_NAMES: Record<string, [zh: string, en: string]> = {
  'ticket.submitted': ['提交诉求', 'Submitted'],
  'ticket.triage-queued': ['进入人工分派', 'Queued for triage'],
  'ticket.assigned': ['分派', 'Assigned'],
  'ticket.withdrawn': ['撤回', 'Withdrawn'],
  'ticket.acknowledged': ['签收', 'Acknowledged'],
  'ticket.transfer-requested': ['申请转办', 'Transfer requested'],
  'ticket.transfer-rejected': ['驳回转办', 'Transfer rejected'],
  'ticket.interim-replied': ['阶段性答复', 'Interim reply'],
  'ticket.extension-requested': ['申请延期', 'Extension requested'],
  'ticket.extension-decided': ['延期审批', 'Extension decided'],
  'ticket.part-reported': ['协办报送', 'Part reported'],
  'ticket.resolved': ['办结', 'Resolved'],
  'ticket.replied': ['答复企业', 'Replied'],
  'ticket.feedback-given': ['企业评价', 'Feedback'],
  'ticket.reopened': ['重办', 'Reopened'],
  'ticket.closed': ['关闭', 'Closed'],
  'ticket.supervised': ['督办', 'Supervised'],
  'dispatch.decided': ['分派决定', 'Dispatch decided'],
  'dispatch.triage-needed': ['需人工分派', 'Triage needed'],
  'dispatch.transfer-decided': ['转办裁决', 'Transfer decided'],
  'sla.deadline-set': ['设定时限', 'Deadline set'],
  'sla.timer-paused': ['计时暂停', 'Timer paused'],
  'sla.timer-stopped': ['计时停止', 'Timer stopped'],
  'sla.warning': ['黄牌预警', 'Yellow warning'],
  'sla.breached': ['红牌超时', 'Red: overdue'],
  'sla.escalated': ['升级督办', 'Escalated'],
  'directory.department-upserted': ['部门信息', 'Department'],
  'directory.enterprise-upserted': ['企业信息', 'Enterprise'],
  'directory.grid-upserted': ['网格信息', 'Grid'],
  'directory.user-upserted': ['用户信息', 'User'],
};
const TYPE_COLOURS: Record<string, string> = {
  ticket: 'blue',
  dispatch: 'purple',
  sla: 'orange',
  directory: 'default',
};

function VerifyCard() {
  const { t, locale } = useI18n();
  const [report, setReport] = useState<VerifyReport>();
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const verify = async () => {
    setBusy(true);
    setError(undefined);
    try {
      setReport(await api<VerifyReport>('/api/v1/ledger/verify'));
    } catch (e) {
      setError(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card
      title={<h1 className="page-title">{t('ledger.title')}</h1>}
      data-testid="ledger"
      extra={
        <Button
          type="primary"
          icon={<SafetyCertificateOutlined aria-hidden />}
          loading={busy}
          onClick={verify}
        >
          {t('ledger.verify')}
        </Button>
      }
    >
      <Typography.Paragraph type="secondary" style={{ marginBottom: report || error ? 12 : 0 }}>
        {t('ledger.intro')}
      </Typography.Paragraph>
      {error && <Alert type="error" showIcon title={error} />}
      {report && (
        <Space orientation="vertical" style={{ width: '100%' }} data-testid="verify-report">
          <Alert
            type={report.ok ? 'success' : 'error'}
            showIcon
            title={
              report.ok
                ? t('ledger.verifyOk', { count: report.checkedEntries })
                : t('ledger.verifyBroken', { seq: report.firstBroken?.seq ?? '?' })
            }
            description={
              report.firstBroken ? `${report.firstBroken.problem}: ${report.firstBroken.detail}` : undefined
            }
          />
          <Descriptions
            size="small"
            column={{ xs: 1, md: 2 }}
            items={[
              { key: 'head', label: t('ledger.headSeq'), children: report.headSeq },
              { key: 'seals', label: t('ledger.seals'), children: report.checkedSeals },
              {
                key: 'hash',
                label: t('ledger.headHash'),
                children: (
                  <Typography.Text code copyable>
                    {report.headHash}
                  </Typography.Text>
                ),
              },
              {
                key: 'at',
                label: t('ledger.verifiedAt'),
                children: formatDateTime(report.verifiedAt, locale),
              },
            ]}
          />
        </Space>
      )}
    </Card>
  );
}

function EntriesTable() {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<{ number?: string; type?: string }>();
  const [filter, setFilter] = useState<{ number?: string; type?: string }>({});
  const { rows, hasMore, loading, error, more } = useCursorPages(
    (before) =>
      api<EntriesPage>('/api/v1/ledger/entries', {
        query: { number: filter.number, type: filter.type, before: before ?? undefined, limit: 30 },
      }),
    [filter.number, filter.type],
  );

  // Each entry names the hash of the one before it; on screen, a break would show between neighbours.
  const linked = (i: number) =>
    i + 1 >= rows.length || rows[i + 1].seq !== rows[i].seq - 1 || rows[i].prevHash === rows[i + 1].hash;

  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="ledger-entries">
      <Form
        form={form}
        layout="inline"
        onFinish={(v) => setFilter({ number: v.number?.trim() || undefined, type: v.type || undefined })}
      >
        <Form.Item
          name="number"
          label={t('tickets.number')}
          rules={[{ pattern: /^\s*CS-\d{4}-\d{6,}\s*$/, message: t('ledger.numberFormat') }]}
        >
          <Input placeholder="CS-2026-000123" allowClear style={{ width: 180 }} />
        </Form.Item>
        <Form.Item name="type" label={t('ledger.eventType')}>
          <Select
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            style={{ width: 200 }}
            options={Object.entries(EVENT_NAMES).map(([value, [zh, en]]) => ({
              value,
              label: locale === 'en' ? en : zh,
            }))}
          />
        </Form.Item>
        <Form.Item>
          <Button htmlType="submit">{t('common.search')}</Button>
        </Form.Item>
      </Form>
      {error !== undefined && <ErrorState error={error} />}
      <Table<LedgerEntry>
        size="small"
        rowKey="seq"
        loading={loading}
        pagination={false}
        dataSource={rows}
        scroll={{ x: 'max-content' }}
        locale={{ emptyText: <EmptyState text={t('ledger.noEntries')} /> }}
        expandable={{
          // Zero width of its own: a long hash or payload must not widen the table's columns.
          expandedRowRender: (r) => (
            <div style={{ width: 0, minWidth: '100%' }}>
              <Descriptions
                size="small"
                column={1}
                items={[
                  {
                    key: 'event',
                    label: t('ledger.eventId'),
                    children: <Typography.Text code>{r.eventId}</Typography.Text>,
                  },
                  {
                    key: 'prev',
                    label: t('ledger.prevHash'),
                    children: <Typography.Text code>{r.prevHash}</Typography.Text>,
                  },
                  {
                    key: 'hash',
                    label: t('ledger.hash'),
                    children: <Typography.Text code>{r.hash}</Typography.Text>,
                  },
                  {
                    key: 'recorded',
                    label: t('ledger.recordedAt'),
                    children: formatDateTime(r.recordedAt, locale),
                  },
                  {
                    key: 'payload',
                    label: t('ledger.payload'),
                    children: <LedgerPayload payload={r.payload} />,
                  },
                ]}
              />
            </div>
          ),
        }}
        columns={[
          { key: 'seq', title: t('ledger.seq'), dataIndex: 'seq', width: 80 },
          {
            key: 'at',
            title: t('ledger.occurredAt'),
            render: (_, r) => formatDateTime(r.occurredAt, locale),
          },
          {
            key: 'type',
            title: t('ledger.eventType'),
            render: (_, r) => {
              const name = EVENT_NAMES[r.type];
              return (
                <Tooltip title={r.type}>
                  <Tag color={TYPE_COLOURS[r.type.split('.')[0]]}>
                    {name ? name[locale === 'en' ? 1 : 0] : r.type}
                  </Tag>
                </Tooltip>
              );
            },
          },
          {
            key: 'ticket',
            title: t('tickets.number'),
            render: (_, r) =>
              r.ticketId ? (
                <Link to={`/tickets/${r.ticketId}`}>{r.ticketNumber ?? r.ticketId.slice(0, 8)}</Link>
              ) : (
                '—'
              ),
          },
          {
            key: 'actor',
            title: t('ledger.actor'),
            render: (_, r) => t(`role.${r.actorRole}` as never),
          },
          {
            key: 'hash',
            title: t('ledger.hash'),
            render: (_, r, i) => (
              <Space size={4}>
                {linked(i) ? (
                  <Tooltip title={t('ledger.linked')}>
                    <CheckCircleFilled style={{ color: '#389e0d' }} aria-label={t('ledger.linked')} />
                  </Tooltip>
                ) : (
                  <Tooltip title={t('ledger.unlinked')}>
                    <WarningFilled style={{ color: '#cf1322' }} aria-label={t('ledger.unlinked')} />
                  </Tooltip>
                )}
                <Typography.Text code>{r.hash.slice(0, 12)}…</Typography.Text>
                <LinkOutlined aria-hidden style={{ color: 'rgba(0,0,0,0.45)' }} />
                <Typography.Text type="secondary" code>
                  {r.prevHash.slice(0, 12)}…
                </Typography.Text>
              </Space>
            ),
          },
        ]}
      />
      {hasMore && (
        <Button onClick={more} loading={loading} block>
          {t('common.loadMore')}
        </Button>
      )}
    </Space>
  );
}

function JointMeetingAgenda() {
  const { t, locale } = useI18n();
  const state = useAsync(() => api<{ items: AgendaItem[] }>('/api/v1/ledger/dashboard/joint-meeting'), []);
  return (
    <AsyncView state={state}>
      {(data) => (
        <Table<AgendaItem>
          size="small"
          rowKey="ticketId"
          data-testid="joint-meeting"
          pagination={false}
          dataSource={data.items}
          scroll={{ x: 'max-content' }}
          locale={{ emptyText: <EmptyState text={t('ledger.noAgenda')} /> }}
          columns={[
            ledgerNumberColumn<AgendaItem>(t),
            { key: 'title', title: t('tickets.title'), dataIndex: 'title' },
            { key: 'enterprise', title: t('tickets.enterprise'), dataIndex: 'enterpriseName' },
            {
              key: 'departments',
              title: t('tickets.department'),
              render: (_, r) => [r.departmentName, ...(r.coHandlerNames ?? [])].filter(Boolean).join('、'),
            },
            {
              key: 'at',
              title: t('ledger.agendaSince'),
              render: (_, r) => formatDateTime(r.jointMeetingAt, locale),
            },
            { key: 'reason', title: t('ledger.agendaReason'), dataIndex: 'jointMeetingReason' },
          ]}
        />
      )}
    </AsyncView>
  );
}

export function LedgerPage() {
  const { t } = useI18n();
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <VerifyCard />
      <Card>
        <Tabs
          items={[
            { key: 'entries', label: t('ledger.entries'), children: <EntriesTable /> },
            { key: 'agenda', label: t('ledger.agenda'), children: <JointMeetingAgenda /> },
          ]}
        />
      </Card>
    </Space>
  );
}
