import { App, Form, Input, Select } from 'antd';
import { useEffect, useState } from 'react';
import { api } from '../../api/client';
import type { Page, TicketSummary } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { useDirectory } from '../../shared/directory';
import { FormModal } from '../../shared/form-modal';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { LIMITS, Need, NeedKinds, NeedStatus, OUTREACH } from './outreach-api';

const NEXT: Record<NeedStatus, NeedStatus[]> = {
  open: ['in_progress', 'met', 'closed'],
  in_progress: ['met', 'closed'],
  met: [],
  closed: [],
};

interface AddNeedForm {
  enterpriseId?: string;
  kind?: string;
  title?: string;
  description?: string;
  ownerDepartmentId?: string;
}

/**
 * Adds a need to the 需求清单: an enterprise its own (no enterprise to pick), an instructor one of
 * their grid's, the committee any enterprise's, and only the committee names the department that
 * follows it up. Checked here with the API's limits; the API's refusals land under the controls.
 */
export function AddNeedModal({
  open,
  enterprises,
  fixedEnterpriseId,
  onClose,
  onAdded,
}: {
  open: boolean;
  /** The enterprises to choose from (none when the enterprise is fixed). */
  enterprises?: { id: string; name: string }[];
  fixedEnterpriseId?: string;
  onClose: () => void;
  onAdded: (need: { id: string }) => void;
}) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const { departments, departmentName } = useDirectory();
  const [form] = Form.useForm<AddNeedForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const routes = user.role === 'committee' || user.role === 'admin';
  const labels = {
    enterpriseId: t('visit.enterprise'),
    kind: t('need.kind'),
    title: t('need.title'),
    description: t('need.description'),
    ownerDepartmentId: t('need.ownerDepartment'),
  };

  const submit = async () => {
    let v: AddNeedForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const enterpriseId = fixedEnterpriseId ?? v.enterpriseId;
      const added = await api<{ id: string }>(`${OUTREACH}/needs`, {
        method: 'POST',
        body: {
          ...(user.role === 'enterprise' ? {} : { enterpriseId }),
          kind: v.kind,
          title: v.title?.trim(),
          description: v.description?.trim(),
          ...(routes && v.ownerDepartmentId ? { ownerDepartmentId: v.ownerDepartmentId } : {}),
        },
      });
      message.success(t('need.added'));
      form.resetFields();
      onAdded(added);
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={open}
      title={t('need.add')}
      busy={busy}
      problem={problem}
      okText={t('common.submit')}
      onOk={() => void submit()}
      onCancel={() => {
        setProblem(undefined);
        onClose();
      }}
    >
      <Form<AddNeedForm> form={form} layout="vertical" name="add-need">
        {!fixedEnterpriseId && (
          <Form.Item
            label={labels.enterpriseId}
            name="enterpriseId"
            rules={[{ required: true, message: t('common.chooseField', { field: labels.enterpriseId }) }]}
          >
            <Select
              showSearch={{ optionFilterProp: 'label' }}
              options={(enterprises ?? []).map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={labels.kind}
          name="kind"
          rules={[{ required: true, message: t('common.chooseField', { field: labels.kind }) }]}
        >
          <Select options={NeedKinds.map((k) => ({ value: k, label: t(`need.kind.${k}` as MessageKey) }))} />
        </Form.Item>
        <Form.Item
          label={labels.title}
          name="title"
          rules={[
            { required: true, whitespace: true, message: t('common.requiredField', { field: labels.title }) },
            { max: LIMITS.title, message: t('common.maxLength', { field: labels.title, max: LIMITS.title }) },
          ]}
        >
          <Input count={{ show: true, max: LIMITS.title }} />
        </Form.Item>
        <Form.Item
          label={labels.description}
          name="description"
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: labels.description }),
            },
            {
              max: LIMITS.needDescription,
              message: t('common.maxLength', { field: labels.description, max: LIMITS.needDescription }),
            },
          ]}
        >
          <Input.TextArea
            autoSize={{ minRows: 3, maxRows: 8 }}
            count={{ show: true, max: LIMITS.needDescription }}
          />
        </Form.Item>
        {routes && (
          <Form.Item label={labels.ownerDepartmentId} name="ownerDepartmentId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={departments.map((d) => ({ value: d.id, label: departmentName(d.id) }))}
            />
          </Form.Item>
        )}
      </Form>
    </FormModal>
  );
}

interface UpdateNeedForm {
  status?: NeedStatus;
  ownerDepartmentId?: string | null;
  ticketId?: string | null;
  note?: string;
}

/**
 * Moves a need on: its status (an enterprise may only close its own), the ticket of the same
 * enterprise it became (staff), the department that follows it up (the committee only), and a note.
 */
export function UpdateNeedModal({
  need,
  onClose,
  onUpdated,
}: {
  need: Need | null;
  onClose: () => void;
  onUpdated: () => void;
}) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const { departments, departmentName } = useDirectory();
  const [form] = Form.useForm<UpdateNeedForm>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [tickets, setTickets] = useState<TicketSummary[]>([]);
  const routes = user.role === 'committee' || user.role === 'admin';
  const enterprise = user.role === 'enterprise';
  const labels = {
    status: t('need.statusLabel'),
    ownerDepartmentId: t('need.ownerDepartment'),
    ticketId: t('need.ticket'),
    note: t('need.note'),
  };

  useEffect(() => {
    if (!need) return;
    form.resetFields();
    form.setFieldsValue({
      status: need.status,
      ownerDepartmentId: need.ownerDepartment?.id ?? null,
      ticketId: need.ticket?.id ?? null,
    });
    setProblem(undefined);
    if (enterprise) return;
    let live = true;
    // The enterprise's tickets this user may see (a department: its own, filtered here).
    const query =
      user.role === 'department' ? { limit: 100 } : { enterpriseId: need.enterpriseId, limit: 100 };
    api<Page<TicketSummary>>('/api/v1/tickets', { query })
      .then((p) => live && setTickets(p.items.filter((x) => x.enterpriseId === need.enterpriseId)))
      .catch(() => live && setTickets([]));
    return () => {
      live = false;
    };
  }, [need, form, enterprise, user.role]);

  const submit = async () => {
    if (!need) return;
    let v: UpdateNeedForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      const body: Record<string, unknown> = { expectedVersion: need.version };
      if (v.status && v.status !== need.status) body.status = v.status;
      if (routes && (v.ownerDepartmentId ?? null) !== (need.ownerDepartment?.id ?? null))
        body.ownerDepartmentId = v.ownerDepartmentId ?? null;
      if (!enterprise && (v.ticketId ?? null) !== (need.ticket?.id ?? null))
        body.ticketId = v.ticketId ?? null;
      if (v.note?.trim()) body.note = v.note.trim();
      await api(`${OUTREACH}/needs/${need.id}`, { method: 'PATCH', body });
      message.success(t('common.saved'));
      onUpdated();
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  // The API's order (need.aggregate.ts): open → in progress → met / closed; met and closed are final.
  const next: readonly NeedStatus[] = need ? NEXT[need.status] : [];
  const statuses = enterprise ? next.filter((s) => s === 'closed') : next;
  return (
    <FormModal
      open={!!need}
      title={need ? t('need.update', { title: need.title }) : ''}
      busy={busy}
      problem={problem}
      onOk={() => void submit()}
      onCancel={() => {
        setProblem(undefined);
        onClose();
      }}
    >
      <Form<UpdateNeedForm> form={form} layout="vertical" name="update-need">
        <Form.Item label={labels.status} name="status">
          <Select
            options={[need?.status, ...statuses]
              .filter((s): s is NeedStatus => !!s)
              .map((s) => ({
                value: s,
                label: t(`need.status.${s}` as MessageKey),
              }))}
          />
        </Form.Item>
        {routes && (
          <Form.Item label={labels.ownerDepartmentId} name="ownerDepartmentId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={departments.map((d) => ({ value: d.id, label: departmentName(d.id) }))}
            />
          </Form.Item>
        )}
        {!enterprise && (
          <Form.Item label={labels.ticketId} name="ticketId">
            <Select
              allowClear
              options={tickets.map((x) => ({ value: x.id, label: `${x.number} ${x.title}` }))}
            />
          </Form.Item>
        )}
        <Form.Item
          label={labels.note}
          name="note"
          rules={[
            { max: LIMITS.note, message: t('common.maxLength', { field: labels.note, max: LIMITS.note }) },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} count={{ show: true, max: LIMITS.note }} />
        </Form.Item>
      </Form>
    </FormModal>
  );
}
