import {
  Alert,
  App,
  Button,
  Card,
  Descriptions,
  Form,
  Input,
  Modal,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';

interface Duration {
  amount: number;
  unit: string;
}
interface Policy {
  id: string;
  version: number;
  name: string;
  category: string;
  urgency: string;
  active: boolean;
  definition: {
    calendarId: string;
    timers: Record<string, { duration: Duration; warnings?: unknown[]; escalations?: unknown[] } | undefined>;
  };
}
interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  workingHours: { start: string; end: string }[] | unknown;
  version: number;
  notices: { year: number; title: string; reference?: string; publishedOn?: string; loadedAt: string }[];
}

const UNIT_ZH: Record<string, string> = {
  working_days: '个工作日',
  working_hours: '个工作小时',
  working_minutes: '个工作分钟',
  hours: '小时',
  minutes: '分钟',
  seconds: '秒',
};
const UNIT_EN: Record<string, string> = {
  working_days: 'working days',
  working_hours: 'working hours',
  working_minutes: 'working minutes',
  hours: 'hours',
  minutes: 'minutes',
  seconds: 'seconds',
};

function PolicyEditor({ policy, onClose }: { policy: Policy | null; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const save = async () => {
    if (!policy) return;
    let v: { name: string; definition: string };
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await api(`/api/v1/sla/policies/${policy.id}`, {
        method: 'PUT',
        body: { expectedVersion: policy.version, name: v.name, definition: JSON.parse(v.definition) },
      });
      message.success(t('common.saved'));
      onClose(true);
    } catch (e) {
      setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Modal
      open={policy !== null}
      width={720}
      title={`${t('common.edit')} ${policy?.name ?? ''}`}
      onCancel={() => onClose(false)}
      onOk={save}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      forceRender
      afterOpenChange={(open) => {
        if (open && policy)
          form.setFieldsValue({ name: policy.name, definition: JSON.stringify(policy.definition, null, 2) });
      }}
    >
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 12, whiteSpace: 'pre-line' }} />
      )}
      <Form form={form} layout="vertical" name="policy-editor">
        <Form.Item
          name="name"
          label={t('sla.policyName')}
          rules={[{ required: true, message: t('common.requiredField', { field: t('sla.policyName') }) }]}
        >
          <Input />
        </Form.Item>
        <Form.Item
          name="definition"
          label="definition (JSON)"
          rules={[
            {
              validator: (_, v: string) => {
                try {
                  JSON.parse(v);
                  return Promise.resolve();
                } catch (e) {
                  return Promise.reject(new Error((e as Error).message));
                }
              },
            },
          ]}
        >
          <Input.TextArea autoSize={{ minRows: 12, maxRows: 24 }} style={{ fontFamily: 'monospace' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function SlaPage() {
  const { t, locale } = useI18n();
  const { categoryName } = useDirectory();
  const policies = useAsync(() => api<Policy[]>('/api/v1/sla/policies'), []);
  const calendars = useAsync(() => api<Calendar[]>('/api/v1/sla/calendars'), []);
  const [editing, setEditing] = useState<Policy | null>(null);
  const units = locale === 'en' ? UNIT_EN : UNIT_ZH;
  const fmt = (d?: Duration) => (d ? `${d.amount} ${units[d.unit] ?? d.unit}` : '—');

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card title={t('sla.policies')} data-testid="sla-policies">
        <AsyncView state={policies}>
          {(items) => (
            <Table<Policy>
              rowKey="id"
              size="small"
              dataSource={items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: 'name', title: t('sla.policyName'), dataIndex: 'name' },
                {
                  key: 'cat',
                  title: t('tickets.category'),
                  render: (_, p) => (p.category === '*' ? '*' : categoryName(p.category)),
                },
                {
                  key: 'urg',
                  title: t('tickets.urgency'),
                  render: (_, p) => (p.urgency === '*' ? '*' : t(`urgency.${p.urgency}` as never)),
                },
                ...(['respond', 'resolve', 'reply', 'feedback'] as const).map((k) => ({
                  key: k,
                  title: t(`dueKind.${k}`),
                  render: (_: unknown, p: Policy) => fmt(p.definition.timers[k]?.duration),
                })),
                { key: 'v', title: t('ticket.version'), dataIndex: 'version', width: 60 },
                {
                  key: 'edit',
                  title: t('common.actions'),
                  render: (_, p) => (
                    <Button size="small" onClick={() => setEditing(p)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
              ]}
            />
          )}
        </AsyncView>
      </Card>
      <Card title={t('sla.calendars')} data-testid="sla-calendars">
        <AsyncView state={calendars}>
          {(items) =>
            items.length === 0 ? (
              <Typography.Text type="secondary">{t('common.empty')}</Typography.Text>
            ) : (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {items.map((c) => (
                  <Descriptions
                    key={c.id}
                    bordered
                    size="small"
                    column={1}
                    title={`${c.name} (${c.timeZone})`}
                    items={[
                      {
                        key: 'hours',
                        label: t('sla.workingTime'),
                        children: Array.isArray(c.workingHours)
                          ? (c.workingHours as { start: string; end: string }[])
                              .map((p) => `${p.start}–${p.end}`)
                              .join('，')
                          : JSON.stringify(c.workingHours),
                      },
                      {
                        key: 'notices',
                        label: t('sla.holidays'),
                        children: c.notices.length
                          ? c.notices.map((n) => (
                              <div key={n.year}>
                                <Tag>{n.year}</Tag>
                                {n.title}{' '}
                                {n.reference ? (
                                  <Typography.Text type="secondary">（{n.reference}）</Typography.Text>
                                ) : null}{' '}
                                · {formatDateTime(n.loadedAt, locale)}
                              </div>
                            ))
                          : '—',
                      },
                    ]}
                  />
                ))}
              </Space>
            )
          }
        </AsyncView>
      </Card>
      <PolicyEditor
        policy={editing}
        onClose={(changed) => {
          setEditing(null);
          if (changed) policies.reload();
        }}
      />
    </Space>
  );
}
