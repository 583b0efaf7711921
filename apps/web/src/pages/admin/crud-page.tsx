import { Alert, App, Button, Card, Form, Input, Modal, Select, Space, Switch, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReactNode, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Page } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { ErrorState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';

export interface CrudField {
  name: string;
  label: MessageKey;
  kind?: 'text' | 'password' | 'select' | 'multiselect' | 'switch';
  options?: { value: string; label: string }[];
  required?: boolean;
  /** Only when creating (e.g. code, username, initial password). */
  createOnly?: boolean;
  pattern?: RegExp;
  patternMessage?: string;
}

interface Props<T extends { id: string; version: number }> {
  title: MessageKey;
  path: string;
  columns: ColumnsType<T>;
  fields: CrudField[];
  toForm: (row: T) => Record<string, unknown>;
  testId: string;
}

/** A directory list with search, create and edit, for identity's admin endpoints. */
export function CrudPage<T extends { id: string; version: number }>({
  title,
  path,
  columns,
  fields,
  toForm,
  testId,
}: Props<T>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const state = useAsync(() => api<Page<T>>(path, { query: { q, limit: 100 } }), [path, q]);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm();
  const labels = useMemo(() => Object.fromEntries(fields.map((f) => [f.name, t(f.label)])), [fields, t]);
  const visible = fields.filter((f) => editing === 'new' || !f.createOnly);

  const open = (row: T | 'new') => {
    setProblem(undefined);
    setEditing(row);
    form.resetFields();
    if (row !== 'new') form.setFieldsValue(toForm(row));
  };

  const save = async () => {
    let values: Record<string, unknown>;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const body = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined && v !== ''));
    setBusy(true);
    setProblem(undefined);
    try {
      if (editing === 'new') await api(path, { method: 'POST', body });
      else if (editing)
        await api(`${path}/${editing.id}`, {
          method: 'PATCH',
          body: { ...body, expectedVersion: editing.version },
        });
      message.success(t('common.saved'));
      setEditing(null);
      state.reload();
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, labels))
        setProblem(e instanceof ApiError ? problemMessage(e, t) : String(e));
    } finally {
      setBusy(false);
    }
  };

  const control = (f: CrudField): ReactNode => {
    switch (f.kind) {
      case 'password':
        return <Input.Password autoComplete="new-password" />;
      case 'select':
        return <Select allowClear options={f.options} showSearch={{ optionFilterProp: 'label' }} />;
      case 'multiselect':
        return (
          <Select mode="multiple" allowClear options={f.options} showSearch={{ optionFilterProp: 'label' }} />
        );
      case 'switch':
        return <Switch />;
      default:
        return <Input />;
    }
  };

  return (
    <Card
      title={t(title)}
      data-testid={testId}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            aria-label={t('common.search')}
            placeholder={t('common.search')}
            onSearch={setQ}
            style={{ width: 220 }}
          />
          <Button type="primary" onClick={() => open('new')}>
            {t('common.create')}
          </Button>
        </Space>
      }
    >
      {state.error !== undefined && !state.data ? (
        <ErrorState error={state.error} onRetry={state.reload} />
      ) : (
        <Table<T>
          rowKey="id"
          size="middle"
          loading={state.loading}
          dataSource={state.data?.items ?? []}
          pagination={{ pageSize: 20, hideOnSinglePage: true }}
          scroll={{ x: 'max-content' }}
          columns={[
            ...columns,
            {
              key: 'actions',
              title: t('common.actions'),
              width: 90,
              render: (_, row) => (
                <Button size="small" onClick={() => open(row)}>
                  {t('common.edit')}
                </Button>
              ),
            },
          ]}
        />
      )}
      <Modal
        open={editing !== null}
        title={editing === 'new' ? t('common.create') : t('common.edit')}
        onCancel={() => setEditing(null)}
        onOk={save}
        okText={t('common.save')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        forceRender
      >
        {problem && <Alert type="error" showIcon title={problem} style={{ marginBottom: 12 }} role="alert" />}
        <Form form={form} layout="vertical" name={`${testId}-form`}>
          {visible.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(f.label)}
              valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
              rules={[
                ...(f.required
                  ? [{ required: true, message: t('common.requiredField', { field: t(f.label) }) }]
                  : []),
                ...(f.pattern ? [{ pattern: f.pattern, message: f.patternMessage }] : []),
              ]}
            >
              {control(f)}
            </Form.Item>
          ))}
        </Form>
      </Modal>
    </Card>
  );
}

export const ActiveTag = ({ active }: { active: boolean }) => {
  const { t } = useI18n();
  return (
    <span style={{ color: active ? '#389e0d' : '#8c8c8c' }}>
      {active ? t('common.active') : t('common.inactive')}
    </span>
  );
};
