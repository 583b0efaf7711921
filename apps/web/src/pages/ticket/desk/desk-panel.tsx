import {
  App,
  Alert,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Typography,
} from 'antd';
import { ReactNode, useState } from 'react';
import { Link } from 'react-router-dom';
import { api, ApiError } from '../../../api/client';
import type { TicketDetail } from '../../../api/types';
import { useUser } from '../../../auth/session';
import { useI18n } from '../../../i18n/i18n';
import { useCapability } from '../../../shared/capabilities';
import { formatDateTime } from '../../../shared/deadline';
import { FormModal } from '../../../shared/form-modal';
import { applyFieldErrors, problemMessage } from '../../../shared/problems';
import { useAsync } from '../../../shared/use-async';
import { TicketPicker } from '../../meeting/ticket-picker';
import { useHandlers } from './bulk-actions';
import { DeskTicket, deskApi } from './desk-api';

const OPEN = ['submitted', 'triage', 'assigned', 'in_progress', 'transfer_requested', 'resolved', 'reopened'];

/** A dialog with one form: fields as children, the API's refusal shown above them or under its field. */
function ActionDialog<V extends object>({
  label,
  title,
  testId,
  danger,
  labels,
  run,
  onDone,
  children,
}: {
  label: string;
  title: string;
  testId: string;
  danger?: boolean;
  labels: Record<string, string>;
  run: (values: V) => Promise<unknown>;
  onDone: () => void;
  children: ReactNode;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<V>();
  const submit = async () => {
    setProblem(undefined);
    let v: V;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await run(v);
      message.success(t('ticket.done'));
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'versionConflict') {
        message.warning(t('ticket.conflict'));
        setOpen(false);
        onDone();
      } else if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" danger={danger} onClick={() => setOpen(true)} data-action={testId}>
        {label}
      </Button>
      <FormModal
        open={open}
        title={title}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('common.submit')}
        busy={busy}
        problem={problem}
      >
        <Form form={form} layout="vertical" name={testId}>
          {children}
        </Form>
      </FormModal>
    </>
  );
}

const reasonItem = (t: (k: 'field.reason') => string, req: (f: string) => string) => (
  <Form.Item
    name="reason"
    label={t('field.reason')}
    rules={[{ required: true, whitespace: true, message: req(t('field.reason')) }, { max: 2000 }]}
  >
    <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
  </Form.Item>
);

/** 承办人: the person of the lead department who works the ticket; the lead names one of its staff. */
function HandlerRow({ ticket, onChanged }: { ticket: DeskTicket; onChanged: () => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const user = useUser();
  const [busy, setBusy] = useState(false);
  const lead = user.role === 'department' && ticket.leadDepartment?.id === user.departmentId;
  const staff = useHandlers(lead ? user.departmentId : null);
  if (ticket.handler === undefined) return null;
  const set = async (who: string | null) => {
    setBusy(true);
    try {
      await deskApi.assignHandler(ticket, who);
      message.success(t('ticket.done'));
      onChanged();
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  if (!lead || !OPEN.includes(ticket.status))
    return (
      <Typography.Text data-testid="handler">
        {t('handler.label')}：{ticket.handler ? ticket.handler.name : t('handler.none')}
      </Typography.Text>
    );
  const options = (staff.data ?? []).map((h) => ({ value: h.userId, label: h.name }));
  if (ticket.handler && !options.some((o) => o.value === ticket.handler!.userId))
    options.unshift({ value: ticket.handler.userId, label: ticket.handler.name });
  return (
    <Space wrap size={8} data-testid="handler">
      <label htmlFor="ticket-handler">{t('handler.label')}</label>
      <Select
        id="ticket-handler"
        style={{ minWidth: 180 }}
        value={ticket.handler?.userId}
        placeholder={t('handler.none')}
        loading={staff.loading || busy}
        disabled={busy}
        allowClear
        options={options}
        onChange={(v: string | undefined) => void set(v ?? null)}
      />
      {ticket.handler?.userId !== user.id && (
        <Button size="small" loading={busy} onClick={() => set(user.id)}>
          {t('handler.takeIt')}
        </Button>
      )}
    </Space>
  );
}

/** The numbers of linked tickets (the detail names them by id). */
function RelatedLinks({ ids }: { ids: string[] }) {
  const { t } = useI18n();
  const state = useAsync(
    () =>
      Promise.all(
        ids.map((id) =>
          api<TicketDetail>(`/api/v1/tickets/${id}`).then(
            (x) => ({ id, number: x.number, title: x.title }),
            () => ({ id, number: id.slice(0, 8), title: '' }),
          ),
        ),
      ),
    [ids.join()],
  );
  if (!ids.length) return <Typography.Text type="secondary">{t('relate.none')}</Typography.Text>;
  return (
    <Space wrap size={[8, 4]} data-testid="related">
      {(state.data ?? ids.map((id) => ({ id, number: '…', title: '' }))).map((r) => (
        <Link key={r.id} to={`/tickets/${r.id}`} title={r.title}>
          {r.number}
        </Link>
      ))}
    </Space>
  );
}

/** 合并 / 关联: the committee merges a duplicate into a main ticket, or links tickets about one incident. */
function MergeAndLink({ ticket, onChanged }: { ticket: DeskTicket; onChanged: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const staff = user.role !== 'enterprise' && user.role !== 'instructor';
  const committee = user.role === 'committee';
  const req = (field: string) => t('common.requiredField', { field });
  const mayMerge =
    committee &&
    !ticket.mergedInto &&
    !(ticket.duplicates ?? []).length &&
    ['assigned', 'in_progress', 'transfer_requested', 'reopened'].includes(ticket.status);
  const mayLink = committee && OPEN.includes(ticket.status);
  if (ticket.mergedInto === undefined) return null;
  return (
    <Space orientation="vertical" size={8} style={{ width: '100%' }}>
      {ticket.mergedInto && (
        <Alert
          type="info"
          showIcon
          data-testid="merged-into"
          title={
            <span>
              {t('merge.mergedInto')}{' '}
              {staff ? (
                <Link to={`/tickets/${ticket.mergedInto.ticketId}`}>{ticket.mergedInto.number}</Link>
              ) : (
                ticket.mergedInto.number
              )}
            </span>
          }
          description={ticket.followsMain ? t('merge.followsHint') : t('merge.leftMain')}
        />
      )}
      {staff && (
        <Descriptions
          size="small"
          column={1}
          items={[
            {
              key: 'dups',
              label: t('merge.duplicates'),
              children: (ticket.duplicates ?? []).length ? (
                <Space wrap data-testid="duplicates">
                  {(ticket.duplicates ?? []).map((d) => (
                    <Link key={d.ticketId} to={`/tickets/${d.ticketId}`}>
                      {d.number}
                    </Link>
                  ))}
                </Space>
              ) : (
                <Typography.Text type="secondary">{t('merge.noDuplicates')}</Typography.Text>
              ),
            },
            {
              key: 'rel',
              label: t('relate.label'),
              children: <RelatedLinks ids={ticket.relatedTicketIds ?? []} />,
            },
          ]}
        />
      )}
      {(mayMerge || mayLink) && (
        <Space wrap>
          {mayMerge && (
            <ActionDialog<{ mainTicketId: string; reason: string }>
              label={t('merge.action')}
              title={`${t('merge.action')} · ${ticket.number}`}
              testId="merge"
              labels={{ mainTicketId: t('merge.main'), reason: t('field.reason') }}
              run={(v) => deskApi.merge(ticket, v.mainTicketId, v.reason.trim())}
              onDone={onChanged}
            >
              <Typography.Paragraph type="secondary">{t('merge.hint')}</Typography.Paragraph>
              <Form.Item
                name="mainTicketId"
                label={t('merge.main')}
                rules={[{ required: true, message: t('common.chooseField', { field: t('merge.main') }) }]}
              >
                <TicketPicker exclude={[ticket.id]} />
              </Form.Item>
              {reasonItem(t, req)}
            </ActionDialog>
          )}
          {mayLink && (
            <ActionDialog<{ ticketIds: string[]; reason: string }>
              label={t('relate.action')}
              title={`${t('relate.action')} · ${ticket.number}`}
              testId="link"
              labels={{ ticketIds: t('relate.tickets'), reason: t('field.reason') }}
              run={(v) => deskApi.link(ticket, v.ticketIds, v.reason.trim())}
              onDone={onChanged}
            >
              <Typography.Paragraph type="secondary">{t('relate.hint')}</Typography.Paragraph>
              <Form.Item
                name="ticketIds"
                label={t('relate.tickets')}
                rules={[{ required: true, message: t('common.chooseField', { field: t('relate.tickets') }) }]}
              >
                <TicketPicker multiple exclude={[ticket.id, ...(ticket.relatedTicketIds ?? [])]} />
              </Form.Item>
              {reasonItem(t, req)}
            </ActionDialog>
          )}
        </Space>
      )}
    </Space>
  );
}

/** 回访: once the enterprise let its rating window lapse, the committee calls and records its answers. */
function CallbackForm({ ticket, onChanged }: { ticket: DeskTicket; onChanged: () => void }) {
  const { t, locale } = useI18n();
  const user = useUser();
  const served = useCapability('POST', '/api/v1/tickets/{id}/callback');
  if (user.role !== 'committee' || !ticket.awaitingCallback) return null;
  const yesNo = [
    { value: true, label: t('common.yes') },
    { value: false, label: t('common.no') },
  ];
  return (
    <Alert
      type="warning"
      showIcon
      data-testid="awaiting-callback"
      title={t('callback.awaiting')}
      description={
        <Space orientation="vertical" size={8}>
          <span>
            {ticket.deadlines.callback
              ? t('callback.dueAt', { at: formatDateTime(ticket.deadlines.callback, locale) })
              : t('callback.hint')}
          </span>
          {served ? (
            <ActionDialog<{ contacted: boolean; solved: boolean; satisfaction: string; comment?: string }>
              label={t('callback.action')}
              title={`${t('callback.action')} · ${ticket.number} · ${ticket.contact.name} ${ticket.contact.phone}`}
              testId="callback"
              labels={{
                contacted: t('feedback.contacted'),
                solved: t('feedback.solved'),
                satisfaction: t('feedback.satisfaction'),
                comment: t('callback.comment'),
              }}
              run={(v) => deskApi.callback(ticket, { ...v, comment: v.comment?.trim() || undefined })}
              onDone={onChanged}
            >
              <Form.Item
                name="contacted"
                label={t('feedback.contacted')}
                rules={[
                  { required: true, message: t('common.chooseField', { field: t('feedback.contacted') }) },
                ]}
              >
                <Radio.Group options={yesNo} />
              </Form.Item>
              <Form.Item
                name="solved"
                label={t('feedback.solved')}
                rules={[
                  { required: true, message: t('common.chooseField', { field: t('feedback.solved') }) },
                ]}
              >
                <Radio.Group options={yesNo} />
              </Form.Item>
              <Form.Item
                name="satisfaction"
                label={t('feedback.satisfaction')}
                rules={[
                  { required: true, message: t('common.chooseField', { field: t('feedback.satisfaction') }) },
                ]}
              >
                <Radio.Group
                  options={(['satisfied', 'basically_satisfied', 'unsatisfied'] as const).map((s) => ({
                    value: s,
                    label: t(`satisfaction.${s}`),
                  }))}
                />
              </Form.Item>
              <Form.Item name="comment" label={t('callback.comment')} rules={[{ max: 1000 }]}>
                <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
              </Form.Item>
            </ActionDialog>
          ) : (
            <Typography.Text type="secondary">{t('common.notAvailable')}</Typography.Text>
          )}
        </Space>
      }
    />
  );
}

/**
 * The desk's own fields of a ticket, beside its actions: who works it (承办人), duplicates merged
 * and related tickets linked, a callback due; drawn only where the ticket service sends them.
 */
export function DeskPanel({ ticket, onChanged }: { ticket: DeskTicket; onChanged: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const staff = user.role !== 'enterprise' && user.role !== 'instructor';
  const callback = user.role === 'committee' && ticket.awaitingCallback;
  const viaCallback =
    (ticket.feedback as (TicketDetail['feedback'] & { via?: string }) | null)?.via === 'callback';
  if (ticket.mergedInto === undefined && ticket.handler === undefined) return null;
  if (!staff && !ticket.mergedInto) return null;
  return (
    <Card size="small" title={t('tools.title')} data-testid="desk-panel">
      <Space orientation="vertical" size={12} style={{ width: '100%' }}>
        {callback && <CallbackForm ticket={ticket} onChanged={onChanged} />}
        {viaCallback && <Tag color="purple">{t('callback.recorded')}</Tag>}
        {staff && <HandlerRow ticket={ticket} onChanged={onChanged} />}
        <MergeAndLink ticket={ticket} onChanged={onChanged} />
      </Space>
    </Card>
  );
}

/** A clock that stopped counting, and why: 等待企业补充材料, 延期审批中, 转办审核中. */
export function PausedTag({ reason }: { reason: string | undefined }) {
  const { t } = useI18n();
  if (!reason) return null;
  const known = ['awaiting_enterprise', 'extension_pending', 'transfer_pending'].includes(reason);
  return (
    <Tag color="gold" data-paused={reason} style={{ marginInlineStart: 4 }}>
      {t(known ? (`paused.${reason}` as 'paused.awaiting_enterprise') : 'paused.other')}
    </Tag>
  );
}
