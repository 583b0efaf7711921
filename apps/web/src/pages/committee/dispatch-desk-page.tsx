import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Modal,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Typography,
} from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import type { Page, TicketSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { problemMessage } from '../../shared/problems';
import { ErrorState } from '../../shared/states';
import { TicketTable } from '../../shared/ticket-table';
import { useAsync } from '../../shared/use-async';

interface TriageItem {
  ticketId: string;
  number: string;
  enterpriseName: string;
  title: string;
  description: string;
  category: string;
  urgency: string;
  submittedAt: string;
  explanation: string;
}

interface Transfer {
  id: string;
  ticketId: string;
  ticketNumber: string;
  fromDepartmentId: string;
  reason: string;
  requestedAt: string;
  status: string;
}

type Decision = { kind: 'triage'; item: TriageItem } | { kind: 'transfer'; item: Transfer };

function DecisionModal({
  decision,
  onClose,
}: {
  decision: Decision | null;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { departments, departmentName } = useDirectory();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const approved = Form.useWatch('approved', form);
  const deptOptions = departments.map((d) => ({ value: d.id, label: departmentName(d.id) }));
  const needLead = decision?.kind === 'triage' || approved === true;

  const submit = async () => {
    if (!decision) return;
    let v: { approved?: boolean; leadDepartmentId?: string; coHandlerDepartmentIds?: string[]; note: string };
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setProblem(undefined);
    try {
      if (decision.kind === 'triage') {
        await api(`/api/v1/dispatch/triage/${decision.item.ticketId}/assign`, {
          method: 'POST',
          body: {
            leadDepartmentId: v.leadDepartmentId,
            coHandlerDepartmentIds: v.coHandlerDepartmentIds ?? [],
            note: v.note,
          },
        });
      } else {
        await api(`/api/v1/dispatch/transfers/${decision.item.id}/decision`, {
          method: 'POST',
          body: v.approved
            ? {
                approved: true,
                leadDepartmentId: v.leadDepartmentId,
                coHandlerDepartmentIds: v.coHandlerDepartmentIds ?? [],
                note: v.note,
              }
            : { approved: false, note: v.note },
        });
      }
      message.success(t('ticket.done'));
      form.resetFields();
      onClose(true);
    } catch (e) {
      setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={decision !== null}
      title={
        decision?.kind === 'triage'
          ? `${t('desk.assign')} ${decision.item.number}`
          : `${t('desk.decide')} ${decision?.item.ticketNumber ?? ''}`
      }
      onCancel={() => onClose(false)}
      onOk={submit}
      okText={t('common.submit')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      forceRender
    >
      {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} role="alert" />}
      {decision?.kind === 'transfer' && (
        <Typography.Paragraph>
          {departmentName(decision.item.fromDepartmentId)}：{decision.item.reason}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" name="desk-decision">
        {decision?.kind === 'transfer' && (
          <Form.Item
            name="approved"
            label={t('desk.decide')}
            rules={[{ required: true, message: t('common.requiredField', { field: t('desk.decide') }) }]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('action.approve') },
                { value: false, label: t('action.reject') },
              ]}
            />
          </Form.Item>
        )}
        {needLead && (
          <>
            <Form.Item
              name="leadDepartmentId"
              label={t('desk.newLead')}
              rules={[{ required: true, message: t('common.requiredField', { field: t('desk.newLead') }) }]}
            >
              <Select options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
            <Form.Item name="coHandlerDepartmentIds" label={t('ticket.coHandlers')}>
              <Select mode="multiple" options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="note"
          label={t('field.note')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('field.note') }),
            },
            { max: 2000 },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} count={{ show: true, max: 2000 }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function DispatchDeskPage() {
  const { t, locale } = useI18n();
  const { categoryName, departmentName } = useDirectory();
  const [decision, setDecision] = useState<Decision | null>(null);
  const triage = useAsync(
    () => api<Page<TriageItem>>('/api/v1/dispatch/triage', { query: { limit: 100 } }),
    [],
  );
  const transfers = useAsync(
    () => api<Page<Transfer>>('/api/v1/dispatch/transfers', { query: { status: 'pending', limit: 100 } }),
    [],
  );
  // Extension requests live on the ticket; the open tickets that carry one are found through their detail.
  const extensions = useAsync(async () => {
    const open = await api<Page<TicketSummary>>('/api/v1/tickets', {
      query: { status: ['in_progress', 'transfer_requested'], limit: 100 },
    });
    const details = await Promise.all(
      open.items.map((s) =>
        api<{
          id: string;
          number: string;
          title: string;
          leadDepartment: { id: string } | null;
          pendingExtension: { reason: string; proposedDueAt: string } | null;
        }>(`/api/v1/tickets/${s.id}`),
      ),
    );
    return details.filter((d) => d.pendingExtension);
  }, []);
  const done = (changed: boolean) => {
    setDecision(null);
    if (changed) {
      triage.reload();
      transfers.reload();
    }
  };

  return (
    <Card title={t('desk.title')} data-testid="desk">
      <Tabs
        items={[
          {
            key: 'triage',
            label: `${t('desk.triage')} (${triage.data?.items.length ?? 0})`,
            children: triage.error ? (
              <ErrorState error={triage.error} onRetry={triage.reload} />
            ) : (
              <Table<TriageItem>
                rowKey="ticketId"
                size="middle"
                loading={triage.loading}
                dataSource={triage.data?.items ?? []}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('desk.emptyTriage') }}
                expandable={{
                  expandedRowRender: (r) => (
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }}>
                      {r.description}
                    </Typography.Paragraph>
                  ),
                }}
                columns={[
                  {
                    key: 'n',
                    title: t('tickets.number'),
                    render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{r.number}</Link>,
                  },
                  { key: 'title', title: t('tickets.title'), dataIndex: 'title' },
                  { key: 'ent', title: t('tickets.enterprise'), dataIndex: 'enterpriseName' },
                  { key: 'cat', title: t('tickets.category'), render: (_, r) => categoryName(r.category) },
                  { key: 'why', title: t('desk.explanation'), dataIndex: 'explanation', ellipsis: true },
                  {
                    key: 'at',
                    title: t('tickets.submittedAt'),
                    render: (_, r) => formatDateTime(r.submittedAt, locale),
                  },
                  {
                    key: 'act',
                    title: t('common.actions'),
                    render: (_, r) => (
                      <Button
                        type="primary"
                        size="small"
                        onClick={() => setDecision({ kind: 'triage', item: r })}
                      >
                        {t('desk.assign')}
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'transfers',
            label: `${t('desk.transfers')} (${transfers.data?.items.length ?? 0})`,
            children: transfers.error ? (
              <ErrorState error={transfers.error} onRetry={transfers.reload} />
            ) : (
              <Table<Transfer>
                rowKey="id"
                size="middle"
                loading={transfers.loading}
                dataSource={transfers.data?.items ?? []}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('desk.emptyTransfers') }}
                columns={[
                  {
                    key: 'n',
                    title: t('tickets.number'),
                    render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{r.ticketNumber}</Link>,
                  },
                  {
                    key: 'from',
                    title: t('desk.fromDepartment'),
                    render: (_, r) => departmentName(r.fromDepartmentId),
                  },
                  { key: 'reason', title: t('field.reason'), dataIndex: 'reason', ellipsis: true },
                  {
                    key: 'at',
                    title: t('tickets.submittedAt'),
                    render: (_, r) => formatDateTime(r.requestedAt, locale),
                  },
                  {
                    key: 'act',
                    title: t('common.actions'),
                    render: (_, r) => (
                      <Button
                        type="primary"
                        size="small"
                        onClick={() => setDecision({ kind: 'transfer', item: r })}
                      >
                        {t('desk.decide')}
                      </Button>
                    ),
                  },
                ]}
              />
            ),
          },
          {
            key: 'extensions',
            label: `${t('desk.extensions')} (${extensions.data?.length ?? 0})`,
            children: extensions.error ? (
              <ErrorState error={extensions.error} onRetry={extensions.reload} />
            ) : (
              <Table
                rowKey="id"
                size="middle"
                loading={extensions.loading}
                dataSource={extensions.data ?? []}
                pagination={false}
                scroll={{ x: 'max-content' }}
                locale={{ emptyText: t('desk.emptyExtensions') }}
                columns={[
                  {
                    key: 'n',
                    title: t('tickets.number'),
                    render: (_, r) => <Link to={`/tickets/${r.id}`}>{r.number}</Link>,
                  },
                  { key: 'title', title: t('tickets.title'), dataIndex: 'title' },
                  {
                    key: 'dept',
                    title: t('tickets.department'),
                    render: (_, r) => departmentName(r.leadDepartment?.id),
                  },
                  {
                    key: 'to',
                    title: t('ticket.proposedDueAt'),
                    render: (_, r) => formatDateTime(r.pendingExtension?.proposedDueAt, locale),
                  },
                  {
                    key: 'reason',
                    title: t('field.reason'),
                    render: (_, r) => r.pendingExtension?.reason,
                    ellipsis: true,
                  },
                  {
                    key: 'act',
                    title: t('common.actions'),
                    render: (_, r) => <Link to={`/tickets/${r.id}`}>{t('action.decideExtension')}</Link>,
                  },
                ]}
              />
            ),
          },
          {
            key: 'supervise',
            label: t('desk.supervise'),
            children: (
              <Space orientation="vertical" style={{ width: '100%' }}>
                <TicketTable
                  testId="supervise"
                  defaultSort="deadline"
                  columns={['number', 'title', 'enterprise', 'status', 'department', 'deadline']}
                />
              </Space>
            ),
          },
        ]}
      />
      <DecisionModal decision={decision} onClose={done} />
    </Card>
  );
}
