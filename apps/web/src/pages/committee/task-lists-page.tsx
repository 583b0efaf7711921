import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs from 'dayjs';
import { useMemo, useState } from 'react';
import { api, ApiError } from '../../api/client';
import type { Page, UserView } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { useDirectory } from '../../shared/directory';
import { FormModal } from '../../shared/form-modal';
import { formatDateTime } from '../../shared/format';
import { problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import {
  allPages,
  LIMITS,
  OUTREACH,
  OutreachEnterprise,
  TaskList,
  TaskTopic,
  TaskTopicKinds,
} from '../outreach/outreach-api';
import { ReasonTag } from '../outreach/outreach-words';
import { shiftMonth, zoneMonth } from '../outreach/zone-time';
import { ItemGroup } from '../../shared/item-group';

interface Row {
  instructor: UserView;
  list: TaskList | null;
}

interface EditorValues {
  items: {
    enterpriseId: string;
    enterpriseName: string;
    reason: TaskList['items'][number]['reason'];
    topics: TaskTopic[];
  }[];
}

async function loadMonth(month: string): Promise<{ rows: Row[]; enterprises: OutreachEnterprise[] }> {
  const [instructors, lists, enterprises] = await Promise.all([
    allPages((cursor) =>
      api<Page<UserView>>('/api/v1/identity/users', { query: { role: 'instructor', limit: 100, cursor } }),
    ),
    allPages((cursor) =>
      api<Page<TaskList>>(`${OUTREACH}/task-lists`, { query: { month, limit: 100, cursor } }),
    ),
    allPages((cursor) =>
      api<Page<OutreachEnterprise>>(`${OUTREACH}/enterprises`, { query: { limit: 100, cursor } }),
    ),
  ]);
  const byInstructor = new Map(lists.map((l) => [l.instructorUserId, l]));
  return {
    rows: instructors
      .filter((u) => u.active)
      .map((instructor) => ({ instructor, list: byInstructor.get(instructor.id) ?? null })),
    enterprises,
  };
}

/**
 * 任务清单 of a month, one per instructor: proposed from the visiting intervals (key enterprises
 * monthly, every other one when due), edited (enterprises struck or added, topics written) and
 * published, after which the instructor sees it; a published list edited is published again.
 */
export function TaskListsPage() {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { gridName } = useDirectory();
  const [month, setMonth] = useState(zoneMonth());
  const state = useAsync(() => loadMonth(month), [month]);
  const [busy, setBusy] = useState<string>();
  const [editing, setEditing] = useState<{ list: TaskList; instructor: UserView } | null>(null);
  const [form] = Form.useForm<EditorValues>();
  const [problem, setProblem] = useState<string>();
  const [pick, setPick] = useState<string>();

  const act = async (key: string, run: () => Promise<unknown>, done: string) => {
    setBusy(key);
    try {
      await run();
      message.success(done);
      state.reload();
    } catch (e) {
      message.error(problemMessage(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  const propose = (r: Row) =>
    act(
      `propose-${r.instructor.id}`,
      () =>
        api(`${OUTREACH}/task-lists`, { method: 'POST', body: { instructorUserId: r.instructor.id, month } }),
      t('tasks.proposed'),
    );
  const publish = (list: TaskList) =>
    act(
      `publish-${list.id}`,
      () =>
        api(`${OUTREACH}/task-lists/${list.id}/publish`, {
          method: 'POST',
          body: { expectedVersion: list.version },
        }),
      t('tasks.published'),
    );

  const openEditor = (list: TaskList, instructor: UserView) => {
    setProblem(undefined);
    setPick(undefined);
    form.resetFields();
    form.setFieldsValue({
      items: list.items.map((i) => ({ ...i, topics: i.topics.map((x) => ({ ...x })) })),
    });
    setEditing({ list, instructor });
  };

  const save = async () => {
    if (!editing) return;
    let v: EditorValues;
    try {
      await form.validateFields();
      // With the enterprise ids and names, which have no control of their own.
      v = form.getFieldsValue(true) as EditorValues;
    } catch {
      return;
    }
    setBusy('save');
    setProblem(undefined);
    try {
      await api(`${OUTREACH}/task-lists/${editing.list.id}/items`, {
        method: 'PUT',
        body: {
          expectedVersion: editing.list.version,
          items: (v.items ?? []).map((i) => ({
            enterpriseId: i.enterpriseId,
            topics: (i.topics ?? []).map((x) => ({ kind: x.kind, text: x.text.trim() })),
          })),
        },
      });
      message.success(editing.list.status === 'published' ? t('tasks.republished') : t('common.saved'));
      setEditing(null);
      state.reload();
    } catch (e) {
      // Field errors name items.N.topics.M.text: put them under those controls.
      if (e instanceof ApiError && e.fieldErrors.length) {
        const placed = e.fieldErrors.filter((f) => /^items\.\d+(\.topics\.\d+\.(text|kind))?$/.test(f.field));
        form.setFields(
          placed.map((f) => ({
            name: f.field.split('.').map((p) => (/^\d+$/.test(p) ? Number(p) : p)),
            errors: f.messages,
          })) as never,
        );
        if (placed.length < e.fieldErrors.length) setProblem(problemMessage(e, t));
      } else setProblem(problemMessage(e, t));
    } finally {
      setBusy(undefined);
    }
  };

  const items = Form.useWatch('items', { form, preserve: true }) as EditorValues['items'] | undefined;
  const addable = useMemo(() => {
    if (!editing || !state.data) return [];
    const grids = new Set(editing.instructor.gridIds);
    const on = new Set((items ?? []).map((i) => i.enterpriseId));
    return state.data.enterprises.filter((e) => e.gridId && grids.has(e.gridId) && !on.has(e.enterpriseId));
  }, [editing, state.data, items]);

  return (
    <Card
      styles={{ body: { padding: 16 } }}
      data-testid="task-lists"
      title={<h1 className="page-title">{t('nav.taskLists')}</h1>}
    >
      <Typography.Paragraph type="secondary">{t('tasks.intro')}</Typography.Paragraph>
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="task-lists-month">{t('plan.month')}</label>
        <DatePicker
          id="task-lists-month"
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          disabledDate={(d) => d.format('YYYY-MM') > shiftMonth(zoneMonth(), 1)}
        />
      </Space>
      <AsyncView state={state}>
        {({ rows }) => (
          <Table<Row>
            rowKey={(r) => r.instructor.id}
            size="small"
            pagination={false}
            dataSource={rows}
            scroll={{ x: 820 }}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('tasks.noInstructors')}</Typography.Text>,
            }}
            onRow={(r) => ({ 'data-instructor': r.instructor.id }) as never}
            columns={[
              {
                key: 'name',
                title: t('role.instructor'),
                width: 140,
                render: (_, r) => r.instructor.displayName,
              },
              {
                key: 'grids',
                title: t('file.grid'),
                width: 120,
                render: (_, r) => r.instructor.gridIds.map((g) => gridName(g)).join('、') || '—',
              },
              {
                key: 'status',
                title: t('tasks.status'),
                width: 130,
                render: (_, r) =>
                  !r.list ? (
                    <Tag>{t('tasks.none')}</Tag>
                  ) : r.list.status === 'draft' ? (
                    <Tag color="orange" data-list-status="draft">
                      {t('tasks.draft')}
                    </Tag>
                  ) : (
                    <Tag color="green" data-list-status="published">
                      {t('tasks.publishedRevision', { n: r.list.revision })}
                    </Tag>
                  ),
              },
              {
                key: 'count',
                title: t('plan.planned'),
                width: 90,
                render: (_, r) => (r.list ? r.list.items.length : '—'),
              },
              {
                key: 'updated',
                title: t('tasks.updatedAt'),
                width: 150,
                render: (_, r) =>
                  r.list ? formatDateTime(r.list.publishedAt ?? r.list.updatedAt, locale) : '—',
              },
              {
                key: 'actions',
                title: t('common.actions'),
                render: (_, r) => (
                  <Space wrap size={4}>
                    {!r.list && (
                      <Button
                        size="small"
                        type="primary"
                        loading={busy === `propose-${r.instructor.id}`}
                        onClick={() => void propose(r)}
                        aria-label={t('tasks.proposeFor', { name: r.instructor.displayName })}
                      >
                        {t('tasks.propose')}
                      </Button>
                    )}
                    {r.list && (
                      <Button
                        size="small"
                        onClick={() => openEditor(r.list!, r.instructor)}
                        aria-label={t('tasks.editFor', { name: r.instructor.displayName })}
                      >
                        {t('common.edit')}
                      </Button>
                    )}
                    {r.list?.status === 'draft' && (
                      <Popconfirm
                        title={t('tasks.publishConfirm', { name: r.instructor.displayName })}
                        okText={t('tasks.publish')}
                        cancelText={t('common.cancel')}
                        onConfirm={() => void publish(r.list!)}
                      >
                        <Button
                          size="small"
                          type="primary"
                          loading={busy === `publish-${r.list.id}`}
                          aria-label={t('tasks.publishFor', { name: r.instructor.displayName })}
                        >
                          {t('tasks.publish')}
                        </Button>
                      </Popconfirm>
                    )}
                  </Space>
                ),
              },
            ]}
          />
        )}
      </AsyncView>
      <FormModal
        open={!!editing}
        width={820}
        title={editing ? t('tasks.editorTitle', { name: editing.instructor.displayName, month }) : ''}
        okText={editing?.list.status === 'published' ? t('tasks.saveRepublish') : t('common.save')}
        busy={busy === 'save'}
        problem={problem}
        onOk={() => void save()}
        onCancel={() => setEditing(null)}
      >
        <Form<EditorValues> form={form} layout="vertical" name="task-list-editor">
          <Form.List name="items">
            {(fields, { add, remove }) => (
              <>
                {fields.map((field, i) => (
                  <ItemGroup
                    key={field.key}
                    data-testid="task-item"
                    data-enterprise={items?.[i]?.enterpriseId}
                    legend={items?.[i]?.enterpriseName}
                  >
                    <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
                      {items?.[i]?.reason && <ReasonTag reason={items[i].reason} />}
                      <Button
                        size="small"
                        danger
                        type="text"
                        icon={<DeleteOutlined aria-hidden />}
                        onClick={() => remove(field.name)}
                      >
                        {t('tasks.removeEnterprise', { name: items?.[i]?.enterpriseName ?? '' })}
                      </Button>
                    </Space>
                    <Form.List name={[field.name, 'topics']}>
                      {(topics, ops) => (
                        <>
                          {topics.map((topic, j) => (
                            <Space key={topic.key} align="start" wrap style={{ width: '100%' }}>
                              <Form.Item
                                label={t('tasks.topicKind')}
                                name={[topic.name, 'kind']}
                                rules={[
                                  {
                                    required: true,
                                    message: t('common.chooseField', { field: t('tasks.topicKind') }),
                                  },
                                ]}
                              >
                                <Select
                                  style={{ width: 130 }}
                                  options={TaskTopicKinds.map((k) => ({
                                    value: k,
                                    label: t(`topic.kind.${k}` as MessageKey),
                                  }))}
                                />
                              </Form.Item>
                              <Form.Item
                                label={t('tasks.topicText')}
                                name={[topic.name, 'text']}
                                style={{ minWidth: 240, flex: 1 }}
                                rules={[
                                  {
                                    required: true,
                                    whitespace: true,
                                    message: t('common.requiredField', { field: t('tasks.topicText') }),
                                  },
                                  {
                                    max: LIMITS.topic,
                                    message: t('common.maxLength', {
                                      field: t('tasks.topicText'),
                                      max: LIMITS.topic,
                                    }),
                                  },
                                ]}
                              >
                                <Input data-testid={`topic-text-${i}-${j}`} />
                              </Form.Item>
                              <Button
                                type="text"
                                danger
                                icon={<DeleteOutlined aria-hidden />}
                                aria-label={t('tasks.removeTopic', { n: j + 1 })}
                                style={{ marginTop: 30 }}
                                onClick={() => ops.remove(topic.name)}
                              />
                            </Space>
                          ))}
                          <Button
                            size="small"
                            icon={<PlusOutlined aria-hidden />}
                            disabled={topics.length >= LIMITS.taskTopics}
                            onClick={() => ops.add({ kind: 'policy', text: '' })}
                            aria-label={t('tasks.addTopicFor', { name: items?.[i]?.enterpriseName ?? '' })}
                          >
                            {t('tasks.addTopic')}
                          </Button>
                        </>
                      )}
                    </Form.List>
                  </ItemGroup>
                ))}
                <Space wrap style={{ width: '100%' }}>
                  <label htmlFor="task-add-enterprise">{t('tasks.addEnterprise')}</label>
                  <Select
                    id="task-add-enterprise"
                    style={{ minWidth: 260 }}
                    value={pick}
                    onChange={setPick}
                    showSearch={{ optionFilterProp: 'label' }}
                    options={addable.map((e) => ({ value: e.enterpriseId, label: e.enterpriseName }))}
                  />
                  <Button
                    icon={<PlusOutlined aria-hidden />}
                    disabled={!pick}
                    onClick={() => {
                      const e = addable.find((x) => x.enterpriseId === pick);
                      if (!e) return;
                      add({
                        enterpriseId: e.enterpriseId,
                        enterpriseName: e.enterpriseName,
                        reason: 'added',
                        topics: [],
                      });
                      setPick(undefined);
                    }}
                  >
                    {t('tasks.add')}
                  </Button>
                </Space>
              </>
            )}
          </Form.List>
        </Form>
      </FormModal>
    </Card>
  );
}
