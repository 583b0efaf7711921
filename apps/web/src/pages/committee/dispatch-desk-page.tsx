import { App, Button, Card, Form, Input, Radio, Select, Space, Table, Tabs, Tooltip, Typography } from 'antd';
import { FormModal } from '../../shared/form-modal';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Page, TicketDetail, TicketSummary } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime, Waited } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { ErrorState } from '../../shared/states';
import { TicketTable } from '../../shared/ticket-table';
import { useAsync } from '../../shared/use-async';
import { DecideExtensionButton } from '../ticket/ticket-actions';

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
  ticketTitle: string | null;
  fromDepartmentId: string;
  reason: string;
  requestedAt: string;
  status: string;
}

/**
 * Dispatch explains in English, for the ledger; the desk says the two usual reasons in the user's
 * language and shows anything else as dispatch wrote it.
 */
function triageReason(
  explanation: string,
  locale: string,
  t: ReturnType<typeof useI18n>['t'],
  categoryName: (code: string) => string,
): string {
  if (locale === 'en') return explanation;
  if (/department it names is no longer active/.test(explanation)) return t('desk.whyInactive');
  const none = explanation.match(/^no enabled rule matched \(category (.+?)\)/);
  if (none) return t('desk.whyNoRule', { category: none[1] === 'none' ? '—' : categoryName(none[1]) });
  return explanation;
}

type Decision = { kind: 'triage'; item: TriageItem } | { kind: 'transfer'; item: Transfer };

interface DecisionValues {
  approved?: boolean;
  leadDepartmentId?: string;
  coHandlerDepartmentIds?: string[];
  note: string;
}

function DecisionModal({
  decision,
  onClose,
}: {
  decision: Decision | null;
  onClose: (changed: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { departments, departmentName } = useDirectory();
  const [form] = Form.useForm<DecisionValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const approved = Form.useWatch('approved', form);
  const lead = Form.useWatch('leadDepartmentId', form);
  const transfer = decision?.kind === 'transfer' ? decision.item : null;
  const needLead = decision?.kind === 'triage' || approved === true;
  const leadLabel = transfer ? t('desk.newLead') : t('ticket.leadDepartment');
  // The department that asked to hand the ticket on cannot be its new lead; the lead is no co-handler.
  const leadOptions = departments
    .filter((d) => d.id !== transfer?.fromDepartmentId)
    .map((d) => ({ value: d.id, label: departmentName(d.id) }));
  const coOptions = departments
    .filter((d) => d.id !== lead)
    .map((d) => ({ value: d.id, label: departmentName(d.id) }));
  const labels = {
    approved: t('desk.decision'),
    leadDepartmentId: leadLabel,
    coHandlerDepartmentIds: t('ticket.coHandlers'),
    note: t('field.note'),
  };

  // Each decision starts from a clean form: nothing typed for the previous ticket carries over.
  useEffect(() => {
    if (!decision) return;
    form.resetFields();
    setProblem(undefined);
    if (decision.kind !== 'transfer') return;
    // An approved transfer keeps the ticket's co-handlers unless the committee names others: show them.
    let live = true;
    api<TicketDetail>(`/api/v1/tickets/${decision.item.ticketId}`).then(
      (d) => {
        if (live && form.getFieldValue('coHandlerDepartmentIds') === undefined)
          form.setFieldValue(
            'coHandlerDepartmentIds',
            d.parts.filter((p) => p.role === 'co_handler').map((p) => p.department.id),
          );
      },
      () => undefined, // the co-handler field then starts empty; the decision itself still works
    );
    return () => {
      live = false;
    };
  }, [decision, form]);

  const submit = async () => {
    if (!decision) return;
    let v: DecisionValues;
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
            note: v.note.trim(),
          },
        });
      } else {
        await api(`/api/v1/dispatch/transfers/${decision.item.id}/decision`, {
          method: 'POST',
          body: v.approved
            ? {
                approved: true,
                leadDepartmentId: v.leadDepartmentId,
                coHandlerDepartmentIds: (v.coHandlerDepartmentIds ?? []).filter(
                  (id) => id !== v.leadDepartmentId,
                ),
                note: v.note.trim(),
              }
            : { approved: false, note: v.note.trim() },
        });
      }
      message.success(t('ticket.done'));
      onClose(true);
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={decision !== null}
      title={
        decision?.kind === 'triage'
          ? `${t('desk.assign')} ${decision.item.number}`
          : `${t('desk.decide')} ${decision?.item.ticketNumber ?? ''}`
      }
      onCancel={() => onClose(false)}
      onOk={submit}
      okText={t('common.submit')}
      busy={busy}
      problem={problem}
    >
      {decision?.kind === 'triage' && (
        <Typography.Paragraph>
          <Typography.Text strong>{decision.item.title}</Typography.Text>
          <Typography.Text type="secondary"> · {decision.item.enterpriseName}</Typography.Text>
        </Typography.Paragraph>
      )}
      {transfer && (
        <Typography.Paragraph data-testid="transfer-reason">
          <Typography.Text strong>{departmentName(transfer.fromDepartmentId)}</Typography.Text>
          {t('desk.asksTransfer')}
          {transfer.reason}
        </Typography.Paragraph>
      )}
      <Form form={form} layout="vertical" name="desk-decision">
        {transfer && (
          <Form.Item
            name="approved"
            label={labels.approved}
            rules={[{ required: true, message: t('common.chooseField', { field: labels.approved }) }]}
          >
            <Radio.Group
              options={[
                { value: true, label: t('desk.approveTransfer') },
                { value: false, label: t('desk.rejectTransfer') },
              ]}
            />
          </Form.Item>
        )}
        {needLead && (
          <>
            <Form.Item
              name="leadDepartmentId"
              label={leadLabel}
              rules={[{ required: true, message: t('common.chooseField', { field: leadLabel }) }]}
            >
              <Select
                options={leadOptions}
                showSearch={{ optionFilterProp: 'label' }}
                onChange={(id: string) =>
                  form.setFieldValue(
                    'coHandlerDepartmentIds',
                    ((form.getFieldValue('coHandlerDepartmentIds') as string[] | undefined) ?? []).filter(
                      (c) => c !== id,
                    ),
                  )
                }
              />
            </Form.Item>
            <Form.Item name="coHandlerDepartmentIds" label={labels.coHandlerDepartmentIds}>
              <Select mode="multiple" options={coOptions} showSearch={{ optionFilterProp: 'label' }} />
            </Form.Item>
          </>
        )}
        <Form.Item
          name="note"
          label={labels.note}
          extra={transfer ? t('desk.noteFinal') : t('desk.noteShown')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: labels.note }),
            },
            { max: 2000, message: t('common.maxLength', { field: labels.note, max: 2000 }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2 }} count={{ show: true, max: 2000 }} />
        </Form.Item>
      </Form>
    </FormModal>
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
  // Extension requests live on the ticket: the list names the tickets with one waiting, their
  // details carry the request (a handful at a time, however many tickets are open).
  const extensions = useAsync(async () => {
    const waiting = await api<Page<TicketSummary>>('/api/v1/tickets', {
      query: { pendingExtension: true, sort: 'deadline', limit: 100 },
    });
    const details = await Promise.all(waiting.items.map((s) => api<TicketDetail>(`/api/v1/tickets/${s.id}`)));
    return details.filter((d) => d.pendingExtension);
  }, []);
  const reloadAll = () => {
    triage.reload();
    transfers.reload();
    extensions.reload();
  };
  const done = (changed: boolean) => {
    setDecision(null);
    if (changed) reloadAll();
  };
  const loading = triage.loading || transfers.loading || extensions.loading;

  return (
    <Card title={t('desk.title')} data-testid="desk">
      <Tabs
        tabBarExtraContent={
          <Button icon={<ReloadOutlined />} onClick={reloadAll} loading={loading} data-testid="desk-refresh">
            {t('common.refresh')}
          </Button>
        }
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
                scroll={{ x: 1000 }}
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
                    width: 130,
                    render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{r.number}</Link>,
                  },
                  { key: 'title', title: t('tickets.title'), dataIndex: 'title', ellipsis: true },
                  {
                    key: 'ent',
                    title: t('tickets.enterprise'),
                    dataIndex: 'enterpriseName',
                    width: 170,
                    ellipsis: true,
                  },
                  {
                    key: 'cat',
                    title: t('tickets.category'),
                    width: 90,
                    render: (_, r) => categoryName(r.category),
                  },
                  {
                    key: 'why',
                    title: t('desk.explanation'),
                    width: 180,
                    ellipsis: { showTitle: false },
                    render: (_, r) => {
                      const why = triageReason(r.explanation, locale, t, categoryName);
                      return (
                        <Tooltip title={r.explanation === why ? why : `${why}（${r.explanation}）`}>
                          <span>{why}</span>
                        </Tooltip>
                      );
                    },
                  },
                  {
                    key: 'at',
                    title: t('tickets.submittedAt'),
                    width: 150,
                    render: (_, r) => (
                      <>
                        <div>{formatDateTime(r.submittedAt, locale)}</div>
                        <Waited since={r.submittedAt} />
                      </>
                    ),
                  },
                  {
                    key: 'act',
                    title: t('common.actions'),
                    width: 80,
                    fixed: 'right',
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
                scroll={{ x: 800 }}
                locale={{ emptyText: t('desk.emptyTransfers') }}
                columns={[
                  {
                    key: 'n',
                    title: t('tickets.number'),
                    width: 140,
                    render: (_, r) => <Link to={`/tickets/${r.ticketId}`}>{r.ticketNumber}</Link>,
                  },
                  {
                    key: 'title',
                    title: t('tickets.title'),
                    dataIndex: 'ticketTitle',
                    width: 180,
                    ellipsis: true,
                  },
                  {
                    key: 'from',
                    title: t('desk.fromDepartment'),
                    width: 110,
                    render: (_, r) => departmentName(r.fromDepartmentId),
                  },
                  {
                    key: 'reason',
                    title: t('field.reason'),
                    dataIndex: 'reason',
                    ellipsis: true,
                  },
                  {
                    key: 'at',
                    title: t('tickets.submittedAt'),
                    width: 150,
                    render: (_, r) => formatDateTime(r.requestedAt, locale),
                  },
                  {
                    key: 'act',
                    title: t('common.actions'),
                    width: 100,
                    fixed: 'right',
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
              <Table<TicketDetail>
                rowKey="id"
                size="middle"
                loading={extensions.loading}
                dataSource={extensions.data ?? []}
                pagination={false}
                scroll={{ x: 960 }}
                locale={{ emptyText: t('desk.emptyExtensions') }}
                columns={[
                  {
                    key: 'n',
                    title: t('tickets.number'),
                    width: 140,
                    render: (_, r) => <Link to={`/tickets/${r.id}`}>{r.number}</Link>,
                  },
                  { key: 'title', title: t('tickets.title'), dataIndex: 'title', ellipsis: true },
                  {
                    key: 'dept',
                    title: t('tickets.department'),
                    width: 110,
                    render: (_, r) => departmentName(r.leadDepartment?.id),
                  },
                  {
                    key: 'to',
                    title: t('ticket.proposedDueAt'),
                    width: 150,
                    render: (_, r) => formatDateTime(r.pendingExtension?.proposedDueAt, locale),
                  },
                  {
                    key: 'reason',
                    title: t('field.reason'),
                    render: (_, r) => r.pendingExtension?.reason,
                    width: 260,
                    ellipsis: true,
                  },
                  {
                    key: 'act',
                    title: t('common.actions'),
                    width: 100,
                    fixed: 'right',
                    render: (_, r) => <DecideExtensionButton ticket={r} onDone={extensions.reload} />,
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
