import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  FormInstance,
  Grid,
  Input,
  List,
  Radio,
  Select,
  Space,
  Table,
  Tabs,
  Tooltip,
  Typography,
} from 'antd';
import { FormModal } from '../../shared/form-modal';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { ReloadOutlined } from '@ant-design/icons';
import { api } from '../../api/client';
import type { Page, TicketDetail, TicketSummary } from '../../api/types';
import { Locale, Translate, useI18n } from '../../i18n/i18n';
import { formatDateTime, Waited } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { applyFieldErrors, localizeServerMessage, problemMessage } from '../../shared/problems';
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
 * Dispatch explains in Chinese (older tickets: in English); the desk says the two usual reasons in
 * the user's language and shows anything else as dispatch wrote it.
 */
function triageReason(
  explanation: string,
  t: ReturnType<typeof useI18n>['t'],
  categoryName: (code: string) => string,
): string {
  if (/department it names is no longer active|规则指定的部门已停用/.test(explanation))
    return t('desk.whyInactive');
  const none = explanation.match(/^no enabled rule matched \(category (.+?)\)/);
  if (none) return t('desk.whyNoRule', { category: none[1] === 'none' ? '—' : categoryName(none[1]) });
  const noneZh = explanation.match(/^没有适用(?:「(.+?)」的|的分派)规则/);
  if (noneZh) return t('desk.whyNoRule', { category: noneZh[1] ?? '—' });
  return explanation;
}

type Decision = { kind: 'triage'; item: TriageItem } | { kind: 'transfer'; item: Transfer };

/**
 * The lead department and its co-handlers, as one decision names them: the lead is never among
 * the co-handlers (choosing it as lead takes it out of them), and `exclude` cannot lead.
 */
function DepartmentFields({
  form,
  leadLabel,
  exclude,
}: {
  form: FormInstance;
  leadLabel: string;
  exclude?: string;
}) {
  const { t } = useI18n();
  const { departments, departmentName } = useDirectory();
  const lead = Form.useWatch('leadDepartmentId', form) as string | undefined;
  const leadOptions = departments
    .filter((d) => d.id !== exclude)
    .map((d) => ({ value: d.id, label: departmentName(d.id) }));
  const coOptions = departments
    .filter((d) => d.id !== lead)
    .map((d) => ({ value: d.id, label: departmentName(d.id) }));
  return (
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
      <Form.Item name="coHandlerDepartmentIds" label={t('ticket.coHandlers')}>
        <Select mode="multiple" options={coOptions} showSearch={{ optionFilterProp: 'label' }} />
      </Form.Item>
    </>
  );
}

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
  const { departmentName } = useDirectory();
  const [form] = Form.useForm<DecisionValues>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const approved = Form.useWatch('approved', form);
  const transfer = decision?.kind === 'transfer' ? decision.item : null;
  const needLead = decision?.kind === 'triage' || approved === true;
  const leadLabel = transfer ? t('desk.newLead') : t('ticket.leadDepartment');
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
          // The department that asked to hand the ticket on cannot be its new lead.
          <DepartmentFields form={form} leadLabel={leadLabel} exclude={transfer?.fromDepartmentId} />
        )}
        <NoteField label={labels.note} extra={transfer ? t('desk.noteFinal') : t('desk.noteShown')} />
      </Form>
    </FormModal>
  );
}

interface BulkTriageResult {
  results: {
    ticketId: string;
    ok: boolean;
    number?: string;
    problem?: {
      status: number;
      type: string;
      detail?: string;
      title?: string;
      state?: string;
      errors?: { field: string; messages: string[] }[];
    };
  }[];
  succeeded: number;
  failed: number;
}

type BulkProblem = NonNullable<BulkTriageResult['results'][number]['problem']>;

/** Why the desk did not assign one ticket of a bulk, in the user's language. */
function refusalReason(p: BulkProblem, t: Translate, locale: Locale): string {
  const code = p.type.replace('urn:chuishao:problem:', '');
  if (code === 'conflict' && p.state === 'decided') return t('bulk.refusedAssigned');
  if (code === 'conflict' && p.state === 'withdrawn') return t('bulk.refusedWithdrawn');
  if (code === 'conflict' && p.state === 'closed') return t('bulk.refusedClosed');
  if (code === 'notFound') return t('bulk.refusedUnknown');
  if (p.status === 503) return t('common.unavailable');
  if (p.errors?.length)
    return p.errors
      .map((e) =>
        /leadDepartmentId|coHandlerDepartmentIds/.test(e.field)
          ? t('bulk.refusedDepartment')
          : e.messages.map((m) => localizeServerMessage(m, locale, t)).join('；'),
      )
      .join('；');
  return p.detail ?? p.title ?? code;
}

interface BulkAssignValues {
  leadDepartmentId: string;
  coHandlerDepartmentIds?: string[];
  note: string;
}

/**
 * 批量分派: the ticked tickets of the triage queue to one lead department (and co-handlers) with one
 * note. Dispatch assigns each on its own; the answer names each ticket it could not assign and why.
 */
function BulkAssign({ selected, onDone }: { selected: TriageItem[]; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { modal } = App.useApp();
  const [form] = Form.useForm<BulkAssignValues>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const n = selected.length;
  const labels = {
    leadDepartmentId: t('ticket.leadDepartment'),
    coHandlerDepartmentIds: t('ticket.coHandlers'),
    note: t('field.note'),
  };

  const submit = async () => {
    let v: BulkAssignValues;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const r = await api<BulkTriageResult>('/api/v1/dispatch/triage/bulk-assign', {
        method: 'POST',
        body: {
          ticketIds: selected.map((x) => x.ticketId),
          leadDepartmentId: v.leadDepartmentId,
          coHandlerDepartmentIds: v.coHandlerDepartmentIds ?? [],
          note: v.note.trim(),
        },
      });
      setOpen(false);
      form.resetFields();
      const numberOf = (id: string) => selected.find((x) => x.ticketId === id)?.number ?? id.slice(0, 8);
      const refused = r.results.filter((x) => !x.ok);
      (refused.length ? modal.warning : modal.success)({
        title: t('bulk.result', { ok: r.succeeded, failed: r.failed }),
        content: refused.length ? (
          <List
            size="small"
            data-testid="bulk-failures"
            dataSource={refused}
            renderItem={(x) => (
              <List.Item data-ticket={x.ticketId}>
                <span>
                  <Link to={`/tickets/${x.ticketId}`}>{numberOf(x.ticketId)}</Link>
                  {locale === 'en' ? ': ' : '：'}
                  {x.problem ? refusalReason(x.problem, t, locale) : ''}
                </span>
              </List.Item>
            )}
          />
        ) : undefined,
        okText: t('common.confirm'),
      });
      onDone();
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button type="primary" disabled={!n} onClick={() => setOpen(true)} data-testid="bulk-assign">
        {t('bulk.assign')}
      </Button>
      <FormModal
        open={open}
        title={t('bulk.assignTitle', { n })}
        okText={t('common.submit')}
        busy={busy}
        problem={problem}
        onCancel={() => {
          setOpen(false);
          setProblem(undefined);
        }}
        onOk={submit}
      >
        <Alert type="info" showIcon title={t('bulk.eachChecked')} style={{ marginBottom: 12 }} />
        <Typography.Paragraph type="secondary" data-testid="bulk-assign-tickets">
          {selected.map((x) => x.number).join('、')}
        </Typography.Paragraph>
        <Form form={form} layout="vertical" name="bulk-assign">
          <DepartmentFields form={form} leadLabel={labels.leadDepartmentId} />
          <NoteField label={labels.note} extra={t('desk.noteShown')} />
        </Form>
      </FormModal>
    </>
  );
}

export function DispatchDeskPage() {
  const { t, locale } = useI18n();
  const { categoryName, departmentName } = useDirectory();
  const [decision, setDecision] = useState<Decision | null>(null);
  const [ticked, setTicked] = useState<string[]>([]);
  const narrow = !Grid.useBreakpoint().md;
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
  const triageRows = triage.data?.items ?? [];
  // Only what is on screen stays ticked (a reload drops the tickets assigned meanwhile).
  const tickedRows = triageRows.filter((r) => ticked.includes(r.ticketId));
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
    <Card
      title={<h1 className="page-title">{t('desk.title')}</h1>}
      data-testid="desk"
      // Beside the title, not in the tab bar: a tablist may hold only tabs.
      extra={
        <Button
          icon={<ReloadOutlined aria-hidden />}
          onClick={reloadAll}
          loading={loading}
          data-testid="desk-refresh"
        >
          {t('common.refresh')}
        </Button>
      }
    >
      {/* Tabs that do not fit a phone's width would go behind antd's "more" button, a button inside
          the tablist (an ARIA fault) that hides some of the desk's queues: the titles wrap instead. */}
      <Tabs
        tabBarGutter={narrow ? 16 : undefined}
        styles={{ item: { whiteSpace: 'normal', flexShrink: 1, minWidth: 0 } }}
        items={[
          {
            key: 'triage',
            label: `${t('desk.triage')} (${triage.data?.items.length ?? 0})`,
            children: triage.error ? (
              <ErrorState error={triage.error} onRetry={triage.reload} />
            ) : (
              <>
                <div
                  style={{
                    marginBottom: 12,
                    display: 'flex',
                    flexWrap: 'wrap',
                    gap: 12,
                    alignItems: 'center',
                  }}
                  data-testid="triage-bulk"
                >
                  <Checkbox
                    checked={triageRows.length > 0 && tickedRows.length === triageRows.length}
                    indeterminate={tickedRows.length > 0 && tickedRows.length < triageRows.length}
                    disabled={!triageRows.length}
                    onChange={(e) => setTicked(e.target.checked ? triageRows.map((r) => r.ticketId) : [])}
                  >
                    {t('tickets.tickAll')}
                  </Checkbox>
                  <Typography.Text>{t('bulk.selected', { n: tickedRows.length })}</Typography.Text>
                  <BulkAssign
                    selected={tickedRows}
                    onDone={() => {
                      setTicked([]);
                      reloadAll();
                    }}
                  />
                </div>
                <Table<TriageItem>
                  rowKey="ticketId"
                  size="middle"
                  loading={triage.loading}
                  dataSource={triageRows}
                  pagination={false}
                  scroll={{ x: 1000 }}
                  rowSelection={{
                    selectedRowKeys: tickedRows.map((r) => r.ticketId),
                    columnWidth: 32,
                    // A title, not a select-all box: the hidden measuring row would copy a focusable box.
                    columnTitle: <span className="visually-hidden">{t('tickets.tickColumn')}</span>,
                    onChange: (keys) => setTicked(keys as string[]),
                    getCheckboxProps: (r) => ({ 'aria-label': t('tickets.tick', { number: r.number }) }),
                  }}
                  locale={{
                    emptyText: <Typography.Text type="secondary">{t('desk.emptyTriage')}</Typography.Text>,
                  }}
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
                        const why = triageReason(r.explanation, t, categoryName);
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
              </>
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
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('desk.emptyTransfers')}</Typography.Text>,
                }}
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
                locale={{
                  emptyText: <Typography.Text type="secondary">{t('desk.emptyExtensions')}</Typography.Text>,
                }}
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

/** Why these departments (required, at most 2000 characters): shown to them and kept in the ledger. */
function NoteField({ label, extra }: { label: string; extra: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="note"
      label={label}
      extra={extra}
      rules={[
        { required: true, whitespace: true, message: t('common.requiredField', { field: label }) },
        { max: 2000, message: t('common.maxLength', { field: label, max: 2000 }) },
      ]}
    >
      <Input.TextArea autoSize={{ minRows: 2 }} count={{ show: true, max: 2000 }} />
    </Form.Item>
  );
}
