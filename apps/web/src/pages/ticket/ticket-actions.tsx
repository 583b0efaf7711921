import {
  App,
  Button,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Radio,
  Select,
  Space,
  Typography,
} from 'antd';
import type { UploadFile } from 'antd';
import { FormModal } from '../../shared/form-modal';
import dayjs, { type Dayjs } from 'dayjs';
import { ReactNode, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { TicketDetail } from '../../api/types';
import { SessionUser } from '../../auth/session-store';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { AttachmentUpload, isUploading, uploadedIds } from '../../shared/attachment-upload';
import { formatDateTime } from '../../shared/deadline';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { ReplyBox } from './desk/template-picker';

type Field =
  | { name: string; label: MessageKey; kind: 'text'; max: number; required: boolean; templates?: boolean }
  | {
      name: string;
      label: MessageKey;
      kind: 'datetime';
      required: boolean;
      help?: MessageKey;
      /** A time the form refuses before asking the API (e.g. an extension that would shorten the deadline). */
      notBefore?: (ticket: TicketDetail) => { at: string | null; message: MessageKey };
    }
  | { name: string; label: MessageKey; kind: 'files' }
  /** A number of working days past the running resolution deadline, sent as the moment it comes to. */
  | { name: string; label: MessageKey; kind: 'workingDays'; max: number; required: boolean }
  | {
      name: string;
      label: MessageKey;
      kind: 'choice';
      options: { value: string | boolean; label: MessageKey }[];
      required: boolean;
    };

interface ActionSpec {
  key: string;
  label: MessageKey;
  path: string;
  fields: Field[];
  danger?: boolean;
  primary?: boolean;
  /** What the dialog shows above the form (e.g. the request being decided). */
  context?: (ticket: TicketDetail) => { label: MessageKey; value: string | null; date?: boolean }[];
}

const text = (name: string, label: MessageKey, max: number, required = true): Field => ({
  name,
  label,
  kind: 'text',
  max,
  required,
});
/** A reply box: the department's and the zone's reply templates (常用语) one click away. */
const replyText = (name: string, label: MessageKey, max: number): Field => ({
  ...(text(name, label, max) as Extract<Field, { kind: 'text' }>),
  templates: true,
});

const ACTIONS: Record<string, ActionSpec> = {
  acknowledge: {
    key: 'acknowledge',
    label: 'action.acknowledge',
    path: 'acknowledge',
    fields: [text('note', 'action.acknowledgeNote', 1000, false)],
    primary: true,
  },
  interimReply: {
    key: 'interimReply',
    label: 'action.interimReply',
    path: 'interim-reply',
    fields: [replyText('message', 'field.message', 4000)],
  },
  requestExtension: {
    key: 'requestExtension',
    label: 'action.requestExtension',
    path: 'request-extension',
    fields: [
      text('reason', 'field.reason', 2000),
      { name: 'proposedDueAt', label: 'field.extendDays', kind: 'workingDays', max: 30, required: true },
    ],
    context: (ticket) => [{ label: 'dueKind.resolve', value: ticket.deadlines.resolve, date: true }],
  },
  requestTransfer: {
    key: 'requestTransfer',
    label: 'action.requestTransfer',
    path: 'request-transfer',
    fields: [text('reason', 'field.reason', 2000)],
    danger: true,
  },
  resolve: {
    key: 'resolve',
    label: 'action.resolve',
    path: 'resolve',
    fields: [
      replyText('result', 'field.result', 4000),
      { name: 'evidenceAttachmentIds', label: 'field.evidence', kind: 'files' },
    ],
    primary: true,
  },
  reply: {
    key: 'reply',
    label: 'action.reply',
    path: 'reply',
    fields: [replyText('message', 'field.message', 4000)],
    primary: true,
  },
  reportPart: {
    key: 'reportPart',
    label: 'action.reportPart',
    path: 'report-part',
    fields: [text('content', 'field.content', 4000)],
    primary: true,
  },
  withdraw: {
    key: 'withdraw',
    label: 'action.withdraw',
    path: 'withdraw',
    fields: [text('reason', 'field.reason', 1000)],
    danger: true,
  },
  reopen: {
    key: 'reopen',
    label: 'action.reopen',
    path: 'reopen',
    fields: [text('reason', 'field.reason', 2000)],
    primary: true,
  },
  close: {
    key: 'close',
    label: 'action.close',
    path: 'close',
    fields: [text('reason', 'field.reason', 2000, false)],
  },
  supervise: {
    key: 'supervise',
    label: 'action.supervise',
    path: 'supervise',
    fields: [
      {
        name: 'level',
        label: 'field.level',
        kind: 'choice',
        required: true,
        options: [
          { value: 'urge', label: 'level.urge' },
          { value: 'supervise', label: 'level.supervise' },
          { value: 'joint_meeting', label: 'level.joint_meeting' },
        ],
      },
      text('note', 'field.note', 2000),
    ],
    danger: true,
  },
  decideExtension: {
    key: 'decideExtension',
    label: 'action.decideExtension',
    path: 'decide-extension',
    fields: [
      {
        name: 'approved',
        label: 'field.decision',
        kind: 'choice',
        required: true,
        options: [
          { value: true, label: 'action.approve' },
          { value: false, label: 'action.reject' },
        ],
      },
      {
        name: 'newDueAt',
        label: 'field.newDueAt',
        kind: 'datetime',
        required: false,
        help: 'field.newDueAtHelp',
        notBefore: (ticket) => ({ at: ticket.deadlines.resolve, message: 'ticket.extendToAfterDeadline' }),
      },
      text('note', 'field.note', 2000, false),
    ],
    context: (ticket) => [
      { label: 'dueKind.resolve', value: ticket.deadlines.resolve, date: true },
      { label: 'ticket.proposedDueAt', value: ticket.pendingExtension?.proposedDueAt ?? null, date: true },
      { label: 'field.reason', value: ticket.pendingExtension?.reason ?? null },
    ],
  },
};

/** 联办: the lead may resolve only once every co-handler has reported its part. */
export const partsMissing = (ticket: TicketDetail): boolean =>
  ticket.parts.some((p) => p.role === 'co_handler' && !p.reportedAt);

/** What this user may do to this ticket now: the state machine's table, seen from the user's role and part. */
export function availableActions(ticket: TicketDetail, user: SessionUser): string[] {
  const s = ticket.status;
  const out: string[] = [];
  if (user.role === 'department') {
    const lead = ticket.leadDepartment?.id === user.departmentId;
    const co = ticket.parts.some((p) => p.role === 'co_handler' && p.department.id === user.departmentId);
    if (lead && (s === 'assigned' || s === 'reopened')) out.push('acknowledge');
    if (lead && (s === 'in_progress' || s === 'transfer_requested')) out.push('interimReply');
    if (lead && s === 'in_progress' && !partsMissing(ticket)) out.push('resolve');
    if (lead && (s === 'in_progress' || s === 'resolved')) out.push('reply');
    if (lead && s === 'in_progress' && !ticket.pendingExtension) out.push('requestExtension');
    if (lead && (s === 'assigned' || s === 'in_progress')) out.push('requestTransfer');
    if (co && ['assigned', 'in_progress', 'transfer_requested', 'reopened'].includes(s))
      out.push('reportPart');
  }
  if (user.role === 'enterprise' || user.role === 'instructor') {
    if (['submitted', 'triage', 'assigned'].includes(s)) out.push('withdraw');
    if (s === 'resolved' && ticket.feedback?.satisfaction === 'unsatisfied') out.push('reopen', 'close');
  }
  if (user.role === 'committee') {
    if (ticket.pendingExtension && (s === 'in_progress' || s === 'transfer_requested'))
      out.push('decideExtension');
    if (!['closed', 'withdrawn'].includes(s)) out.push('supervise');
  }
  return out;
}

/**
 * The resolution deadline moved on by `days` working days, counted by the calendar the ticket's
 * resolution clock runs on (weekends, holidays and make-up workdays included).
 */
async function extendedDueAt(ticket: TicketDetail, days: number): Promise<string> {
  const { timers } = await api<{ timers: { kind: string; state: string; calendarId: string }[] }>(
    `/api/v1/sla/tickets/${ticket.id}/timers`,
  );
  const clock = timers.find((x) => x.kind === 'resolve' && x.state !== 'stopped');
  if (!clock) throw new Error(`ticket ${ticket.number} has no running resolution clock`);
  const { dueAt } = await api<{ dueAt: string }>(
    `/api/v1/sla/calendars/${encodeURIComponent(clock.calendarId)}/deadline`,
    { query: { from: ticket.deadlines.resolve ?? new Date().toISOString(), workingDays: days } },
  );
  return dueAt;
}

function WorkingDaysControl({
  id,
  value,
  onChange,
  max,
  ticket,
}: {
  id?: string;
  value?: number | null;
  onChange?: (v: number | null) => void;
  max: number;
  ticket: TicketDetail;
}) {
  const { t, locale } = useI18n();
  const [preview, setPreview] = useState<{ days: number; text: string; failed: boolean }>();
  useEffect(() => {
    if (!value) return;
    let live = true;
    extendedDueAt(ticket, value).then(
      (at) => live && setPreview({ days: value, text: formatDateTime(at, locale), failed: false }),
      (e: unknown) => live && setPreview({ days: value, text: problemMessage(e, t), failed: true }),
    );
    return () => {
      live = false;
    };
  }, [value, ticket, locale, t]);
  const shown = value && preview?.days === value ? preview : undefined;
  return (
    <Space orientation="vertical" size={4}>
      <InputNumber
        id={id}
        value={value}
        onChange={onChange}
        min={1}
        max={max}
        precision={0}
        suffix={t('field.workingDaysUnit')}
        style={{ width: 160 }}
      />
      {shown && (
        <Typography.Text type={shown.failed ? 'danger' : 'secondary'} data-testid="extend-preview">
          {shown.failed ? shown.text : t('ticket.extendPreview', { at: shown.text })}
        </Typography.Text>
      )}
    </Space>
  );
}

/** Form.Item hands its child id, value and onChange; they must reach the real control. */
type Injected = { id?: string; value?: never; onChange?: never };

function FieldControl({
  field,
  t,
  ticket,
  ...injected
}: { field: Field; t: (k: MessageKey) => string; ticket: TicketDetail } & Injected): ReactNode {
  switch (field.kind) {
    case 'text':
      if (field.templates)
        return (
          <ReplyBox
            {...(injected as { id?: string })}
            ticketId={ticket.id}
            autoSize={{ minRows: field.max > 1000 ? 4 : 2, maxRows: 12 }}
            count={{ show: true, max: field.max }}
          />
        );
      return (
        <Input.TextArea
          {...injected}
          autoSize={{ minRows: field.max > 1000 ? 4 : 2, maxRows: 12 }}
          count={{ show: true, max: field.max }}
        />
      );
    case 'datetime':
      return (
        <DatePicker
          {...injected}
          disabledDate={(d) => d.isBefore(dayjs(), 'day')}
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      );
    case 'files':
      return <AttachmentUpload {...injected} />;
    case 'workingDays':
      return <WorkingDaysControl {...injected} max={field.max} ticket={ticket} />;
    case 'choice':
      return field.options.length > 2 ? (
        <Select
          {...injected}
          options={field.options.map((o) => ({ value: o.value as string, label: t(o.label) }))}
        />
      ) : (
        <Radio.Group
          {...injected}
          options={field.options.map((o) => ({ value: o.value, label: t(o.label) }))}
        />
      );
  }
}

export function ActionButton({
  spec,
  ticket,
  onDone,
  size,
}: {
  spec: ActionSpec;
  ticket: TicketDetail;
  onDone: (conflict: boolean) => void;
  size?: 'small';
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm();
  const labels = useMemo(() => Object.fromEntries(spec.fields.map((f) => [f.name, t(f.label)])), [spec, t]);

  const submit = async () => {
    setProblem(undefined);
    let values: Record<string, unknown>;
    try {
      values = (await form.validateFields()) as Record<string, unknown>;
    } catch {
      return; // the form shows what is missing
    }
    const body: Record<string, unknown> = { expectedVersion: ticket.version };
    const days: Record<string, number> = {};
    for (const f of spec.fields) {
      const v = values[f.name];
      if (f.kind === 'files') {
        const files = (v as UploadFile[] | undefined) ?? [];
        if (isUploading(files)) return setProblem(t('whistle.uploading'));
        body[f.name] = uploadedIds(files);
      } else if (f.kind === 'workingDays') {
        days[f.name] = v as number;
      } else if (f.kind === 'datetime') {
        if (v) body[f.name] = (v as Dayjs).toDate().toISOString();
      } else if (f.kind === 'text') {
        const s = typeof v === 'string' ? v.trim() : '';
        if (s) body[f.name] = s;
      } else if (v !== undefined) body[f.name] = v;
    }
    setBusy(true);
    try {
      for (const [name, n] of Object.entries(days)) body[name] = await extendedDueAt(ticket, n);
      await api(`/api/v1/tickets/${ticket.id}/${spec.path}`, { method: 'POST', body });
      message.success(t('ticket.done'));
      setOpen(false);
      form.resetFields();
      onDone(false);
    } catch (e) {
      if (e instanceof ApiError && e.code === 'versionConflict') {
        message.warning(t('ticket.conflict'));
        setOpen(false);
        onDone(true);
      } else if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <Button
        type={spec.primary ? 'primary' : 'default'}
        danger={spec.danger}
        onClick={() => setOpen(true)}
        data-action={spec.key}
        size={size}
      >
        {t(spec.label)}
      </Button>
      <FormModal
        open={open}
        title={`${t(spec.label)} · ${ticket.number}`}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('common.submit')}
        busy={busy}
        problem={problem}
      >
        {spec.context && (
          <Descriptions
            size="small"
            column={1}
            style={{ marginBottom: 12 }}
            data-testid="action-context"
            items={spec.context(ticket).map((c) => ({
              key: c.label,
              label: t(c.label),
              children: c.date ? formatDateTime(c.value, locale) : (c.value ?? '—'),
            }))}
          />
        )}
        <Form form={form} layout="vertical" name={`action-${spec.key}`} preserve={false}>
          {spec.fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(f.label)}
              extra={f.kind === 'datetime' && f.help ? t(f.help) : undefined}
              rules={[
                ...(f.kind !== 'files' && f.required
                  ? [
                      {
                        required: true,
                        // Only for text: any other key makes the validator check for a string.
                        ...(f.kind === 'text' ? { whitespace: true } : {}),
                        message:
                          f.kind === 'text' || f.kind === 'workingDays'
                            ? t('common.requiredField', { field: t(f.label) })
                            : t('common.chooseField', { field: t(f.label) }),
                      },
                    ]
                  : []),
                ...(f.kind === 'text'
                  ? [{ max: f.max, message: t('common.maxLength', { field: t(f.label), max: f.max }) }]
                  : []),
                ...(f.kind === 'datetime'
                  ? [
                      {
                        validator: async (_: unknown, v: Dayjs | null | undefined) => {
                          if (!v) return;
                          if (!v.isAfter(dayjs())) throw new Error(t('ticket.mustBeFuture'));
                          const limit = f.notBefore?.(ticket);
                          if (limit?.at && !v.isAfter(dayjs(limit.at)))
                            throw new Error(t(limit.message, { at: formatDateTime(limit.at, locale) }));
                        },
                      },
                    ]
                  : []),
              ]}
            >
              <FieldControl field={f} t={t} ticket={ticket} />
            </Form.Item>
          ))}
        </Form>
      </FormModal>
    </>
  );
}

export function TicketActions({ ticket, onChanged }: { ticket: TicketDetail; onChanged: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const keys = availableActions(ticket, user);
  const waitingForParts =
    user.role === 'department' &&
    ticket.leadDepartment?.id === user.departmentId &&
    ticket.status === 'in_progress' &&
    partsMissing(ticket);
  if (!keys.length) return <Typography.Text type="secondary">{t('ticket.noActions')}</Typography.Text>;
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Space wrap>
        {keys.map((k) => (
          <ActionButton key={k} spec={ACTIONS[k]} ticket={ticket} onDone={onChanged} />
        ))}
      </Space>
      {waitingForParts && (
        <Typography.Text style={{ color: '#874d00' }}>{t('ticket.partsMissing')}</Typography.Text>
      )}
    </Space>
  );
}

/** The committee's approve-or-reject of a pending extension, offered wherever the request is listed. */
export function DecideExtensionButton({ ticket, onDone }: { ticket: TicketDetail; onDone: () => void }) {
  return <ActionButton spec={ACTIONS.decideExtension} ticket={ticket} onDone={onDone} size="small" />;
}
