import { Alert, App, Button, DatePicker, Form, Input, Modal, Radio, Select, Space, Typography } from 'antd';
import type { UploadFile } from 'antd';
import type { Dayjs } from 'dayjs';
import { ReactNode, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { TicketDetail } from '../../api/types';
import { SessionUser } from '../../auth/session-store';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { AttachmentUpload, isUploading, uploadedIds } from '../../shared/attachment-upload';
import { applyFieldErrors, problemMessage } from '../../shared/problems';

type Field =
  | { name: string; label: MessageKey; kind: 'text'; max: number; required: boolean }
  | { name: string; label: MessageKey; kind: 'datetime'; required: boolean }
  | { name: string; label: MessageKey; kind: 'files' }
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
}

const text = (name: string, label: MessageKey, max: number, required = true): Field => ({
  name,
  label,
  kind: 'text',
  max,
  required,
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
    fields: [text('message', 'field.message', 4000)],
  },
  requestExtension: {
    key: 'requestExtension',
    label: 'action.requestExtension',
    path: 'request-extension',
    fields: [
      text('reason', 'field.reason', 2000),
      { name: 'proposedDueAt', label: 'field.proposedDueAt', kind: 'datetime', required: true },
    ],
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
      text('result', 'field.result', 4000),
      { name: 'evidenceAttachmentIds', label: 'field.evidence', kind: 'files' },
    ],
    primary: true,
  },
  reply: {
    key: 'reply',
    label: 'action.reply',
    path: 'reply',
    fields: [text('message', 'field.message', 4000)],
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
        label: 'action.decideExtension',
        kind: 'choice',
        required: true,
        options: [
          { value: true, label: 'action.approve' },
          { value: false, label: 'action.reject' },
        ],
      },
      { name: 'newDueAt', label: 'field.newDueAt', kind: 'datetime', required: false },
      text('note', 'field.note', 2000, false),
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

/** Form.Item hands its child id, value and onChange; they must reach the real control. */
type Injected = { id?: string; value?: never; onChange?: never };

function FieldControl({
  field,
  t,
  ...injected
}: { field: Field; t: (k: MessageKey) => string } & Injected): ReactNode {
  switch (field.kind) {
    case 'text':
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
          showTime={{ format: 'HH:mm' }}
          format="YYYY-MM-DD HH:mm"
          style={{ width: '100%' }}
        />
      );
    case 'files':
      return <AttachmentUpload {...injected} />;
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
}: {
  spec: ActionSpec;
  ticket: TicketDetail;
  onDone: (conflict: boolean) => void;
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
    for (const f of spec.fields) {
      const v = values[f.name];
      if (f.kind === 'files') {
        const files = (v as UploadFile[] | undefined) ?? [];
        if (isUploading(files)) return setProblem(t('whistle.uploading'));
        body[f.name] = uploadedIds(files);
      } else if (f.kind === 'datetime') {
        if (v) body[f.name] = (v as Dayjs).toDate().toISOString();
      } else if (f.kind === 'text') {
        const s = typeof v === 'string' ? v.trim() : '';
        if (s) body[f.name] = s;
      } else if (v !== undefined) body[f.name] = v;
    }
    setBusy(true);
    try {
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
      >
        {t(spec.label)}
      </Button>
      <Modal
        open={open}
        title={t(spec.label)}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('common.submit')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        forceRender
      >
        {problem && (
          <Alert
            type="error"
            showIcon
            title={problem}
            style={{ marginBottom: 12, whiteSpace: 'pre-line' }}
            role="alert"
          />
        )}
        <Form form={form} layout="vertical" name={`action-${spec.key}`} preserve={false}>
          {spec.fields.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(f.label)}
              rules={[
                ...(f.kind !== 'files' && f.required
                  ? [{ required: true, message: t('common.requiredField', { field: t(f.label) }) }]
                  : []),
                ...(f.kind === 'text'
                  ? [{ max: f.max, message: t('common.maxLength', { field: t(f.label), max: f.max }) }]
                  : []),
              ]}
            >
              <FieldControl field={f} t={t} />
            </Form.Item>
          ))}
        </Form>
      </Modal>
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
      {waitingForParts && <Typography.Text type="warning">{t('ticket.partsMissing')}</Typography.Text>}
    </Space>
  );
}
