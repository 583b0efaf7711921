import { App, Button, Card, Form, Input, Select, Space, Switch, Table } from 'antd';
import { FormModal } from '../../shared/form-modal';
import type { FormRule } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { ReactNode, useEffect, useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Page } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { localizeServerMessage, problemMessage } from '../../shared/problems';
import { ErrorState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';

type Values = Record<string, unknown>;

export interface CrudField {
  name: string;
  label: MessageKey;
  kind?: 'text' | 'password' | 'select' | 'multiselect' | 'switch' | 'custom';
  options?: { value: string; label: string }[];
  /** The control for kind 'custom' (it receives value and onChange from the form). */
  render?: () => ReactNode;
  required?: boolean;
  /** Only when creating (e.g. code, username, initial password). */
  createOnly?: boolean;
  /** Only when editing (e.g. active: a new record starts active). */
  editOnly?: boolean;
  pattern?: RegExp;
  patternMessage?: string;
  /** At most this many characters, as the API allows. */
  max?: number;
  /** More checks, in the words the form shows under the control. */
  rules?: FormRule[];
  /** Controls whose change checks this one again (a rule that reads another control's value). */
  dependencies?: string[];
  /** Shown (and sent) only while this holds for the form's values, e.g. the department of a department user. */
  when?: (values: Values) => boolean;
  /** A hint under the control. */
  extra?: string;
  /** The API's names for this control when they differ from `name` (contacts.0.phone → contactPhone). */
  serverFields?: string[];
}

interface Props<T extends { id: string; version: number }> {
  title: MessageKey;
  path: string;
  columns: ColumnsType<T>;
  fields: CrudField[];
  toForm: (row: T) => Values;
  /** The request body from the form's values, when it is not the values themselves. */
  toBody?: (values: Values, row: T | null) => Values;
  /** What to say under a control when the API answers 409 because its value is taken. */
  takenMessages?: Record<string, MessageKey>;
  /** Called after every successful save, e.g. to refresh names other pages show. */
  onSaved?: () => void;
  /** More buttons in a row's actions, after 编辑. */
  rowActions?: (row: T) => ReactNode;
  testId: string;
}

const PAGE_SIZE = 20;

/** Every record, page after page: a zone may have hundreds of enterprises. */
async function loadAll<T>(path: string, q: string): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const p = await api<Page<T>>(path, { query: { q, limit: 100, cursor } });
    items.push(...p.items);
    cursor = p.nextCursor ?? undefined;
  } while (cursor && items.length < 10_000);
  return items;
}

const isEmpty = (v: unknown) =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0);

/** A directory list with search, create and edit, for identity's admin endpoints. */
export function CrudPage<T extends { id: string; version: number }>({
  title,
  path,
  columns,
  fields,
  toForm,
  toBody,
  takenMessages = {},
  onSaved,
  rowActions,
  testId,
}: Props<T>) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const state = useAsync(() => loadAll<T>(path, q), [path, q]);
  const [page, setPage] = useState(1);
  // The record just created: shown on its page and marked, since new records come last.
  const [created, setCreated] = useState<string>();
  useEffect(() => {
    if (!created || !state.data) return;
    const at = state.data.findIndex((r) => r.id === created);
    if (at >= 0) setPage(Math.floor(at / PAGE_SIZE) + 1);
  }, [created, state.data]);
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm();
  const watched = (Form.useWatch([], form) as Values | undefined) ?? {};
  const creating = editing === 'new';
  const visible = fields.filter(
    (f) => (creating ? !f.editOnly : !f.createOnly) && (!f.when || f.when(watched)),
  );
  const controlOf = useMemo(() => {
    const m = new Map<string, CrudField>();
    for (const f of fields) for (const n of [f.name, ...(f.serverFields ?? [])]) m.set(n, f);
    return m;
  }, [fields]);

  const open = (row: T | 'new') => {
    setProblem(undefined);
    setEditing(row);
    form.resetFields();
    if (row !== 'new') form.setFieldsValue(toForm(row));
  };

  /** The API's field errors under their controls; false when one of them fits no control shown. */
  const placeErrors = (e: unknown): boolean => {
    if (!(e instanceof ApiError) || !e.fieldErrors.length) return false;
    const shown = new Set(visible.map((f) => f.name));
    let allPlaced = true;
    const byControl = new Map<string, string[]>();
    for (const fe of e.fieldErrors) {
      const f = controlOf.get(fe.field);
      if (!f || !shown.has(f.name)) {
        allPlaced = false;
        continue;
      }
      const taken = e.status === 409 ? takenMessages[f.name] : undefined;
      const texts = taken
        ? [t(taken)]
        : fe.messages.map((m) => localizeServerMessage(m, locale, t, t(f.label)));
      byControl.set(f.name, [...(byControl.get(f.name) ?? []), ...texts]);
    }
    form.setFields([...byControl].map(([name, errors]) => ({ name, errors })));
    return allPlaced;
  };

  const save = async () => {
    let values: Values;
    try {
      values = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const row = editing === 'new' ? null : editing;
    const initial = row ? toForm(row) : {};
    const body: Values = {};
    for (const f of visible) {
      const v = values[f.name];
      if (!isEmpty(v)) body[f.name] = typeof v === 'string' ? v.trim() : v;
      // Emptying a field that had a value clears it (the API takes null, or an empty list).
      else if (row && !isEmpty(initial[f.name])) body[f.name] = Array.isArray(initial[f.name]) ? [] : null;
    }
    const payload = toBody ? toBody(body, row) : body;
    setBusy(true);
    setProblem(undefined);
    try {
      if (!row) setCreated((await api<{ id: string }>(path, { method: 'POST', body: payload })).id);
      else
        await api(`${path}/${row.id}`, {
          method: 'PATCH',
          body: { ...payload, expectedVersion: row.version },
        });
      message.success(t('common.saved'));
      setEditing(null);
      state.reload();
      onSaved?.();
    } catch (e) {
      if (!placeErrors(e)) setProblem(problemMessage(e, t));
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
      case 'custom':
        return f.render?.();
      default:
        return <Input />;
    }
  };

  return (
    <Card
      title={<h1 className="page-title">{t(title)}</h1>}
      data-testid={testId}
      extra={
        <Space wrap>
          <Input.Search
            allowClear
            aria-label={t('common.search')}
            placeholder={t('common.search')}
            onSearch={(v) => {
              setQ(v);
              setPage(1);
            }}
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
          dataSource={state.data ?? []}
          pagination={{ pageSize: PAGE_SIZE, hideOnSinglePage: true, current: page, onChange: setPage }}
          rowClassName={(r) => (r.id === created ? 'ant-table-row-selected' : '')}
          scroll={{ x: 'max-content' }}
          columns={[
            ...columns,
            {
              key: 'actions',
              title: t('common.actions'),
              width: rowActions ? undefined : 90,
              render: (_, row) => (
                <Space size="small">
                  <Button size="small" onClick={() => open(row)}>
                    {t('common.edit')}
                  </Button>
                  {rowActions?.(row)}
                </Space>
              ),
            },
          ]}
        />
      )}
      <FormModal
        open={editing !== null}
        title={creating ? t('common.create') : t('common.edit')}
        onCancel={() => setEditing(null)}
        onOk={save}
        busy={busy}
        problem={problem}
      >
        <Form form={form} layout="vertical" name={`${testId}-form`}>
          {visible.map((f) => (
            <Form.Item
              key={f.name}
              name={f.name}
              label={t(f.label)}
              extra={f.extra}
              dependencies={f.dependencies}
              valuePropName={f.kind === 'switch' ? 'checked' : 'value'}
              rules={[
                ...(f.required
                  ? [
                      {
                        required: true,
                        whitespace: !f.kind || f.kind === 'text' || f.kind === 'password',
                        // A dropdown is chosen from (请选择…), a box filled in (请填写…).
                        message: t(
                          f.kind === 'select' || f.kind === 'multiselect' || f.kind === 'custom'
                            ? 'common.chooseField'
                            : 'common.requiredField',
                          { field: t(f.label) },
                        ),
                      },
                    ]
                  : []),
                ...(f.pattern ? [{ pattern: f.pattern, message: f.patternMessage }] : []),
                ...(f.max
                  ? [{ max: f.max, message: t('common.maxLength', { field: t(f.label), max: f.max }) }]
                  : []),
                ...(f.rules ?? []),
              ]}
            >
              {control(f)}
            </Form.Item>
          ))}
        </Form>
      </FormModal>
    </Card>
  );
}

export const ActiveTag = ({ active }: { active: boolean }) => {
  const { t } = useI18n();
  return (
    <span style={{ color: active ? '#237804' : 'rgba(0,0,0,0.65)' }}>
      {active ? t('common.active') : t('common.inactive')}
    </span>
  );
};

/** Mainland mobile (13812345678) or a landline with area code (0851-38221234), as the API checks. */
export const PHONE = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;
