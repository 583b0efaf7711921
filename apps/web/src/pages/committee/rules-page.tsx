import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Form,
  Input,
  InputNumber,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useState } from 'react';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';

interface Rule {
  id: string;
  version: number;
  name: string;
  priority: number;
  enabled: boolean;
  conditions: { categories?: string[]; keywords?: string[]; gridIds?: string[]; enterpriseIds?: string[] };
  decision: { leadDepartmentId: string; coHandlerDepartmentIds: string[] };
}

interface Explained {
  outcome: 'rule' | 'triage';
  decision: { name: string; leadDepartmentId: string; coHandlerDepartmentIds: string[] } | null;
  explanation: string;
  considered: { ruleId: string; name: string; outcome: string; reasons: string[] }[];
}

/** 测试这段文字: what the rules would do with a ticket, before anyone submits one. */
function RuleTester() {
  const { t } = useI18n();
  const { categories, categoryName, departmentName } = useDirectory();
  const [result, setResult] = useState<Explained>();
  const [problem, setProblem] = useState<string>();
  const [busy, setBusy] = useState(false);
  const run = async (v: { title: string; description: string; category: string }) => {
    setBusy(true);
    setProblem(undefined);
    try {
      setResult(
        await api<Explained>('/api/v1/dispatch/rules/explain', {
          method: 'POST',
          body: { title: v.title ?? '', description: v.description ?? '', category: v.category },
        }),
      );
    } catch (e) {
      setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card title={t('rules.test')} size="small" data-testid="rule-tester">
      <Form layout="vertical" name="rule-test" onFinish={run}>
        <Form.Item
          name="category"
          label={t('rules.testCategory')}
          rules={[{ required: true, message: t('common.requiredField', { field: t('rules.testCategory') }) }]}
        >
          <Select options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))} />
        </Form.Item>
        <Form.Item name="title" label={t('rules.testTitle')}>
          <Input />
        </Form.Item>
        <Form.Item name="description" label={t('rules.testDescription')}>
          <Input.TextArea autoSize={{ minRows: 3 }} />
        </Form.Item>
        <Button htmlType="submit" type="primary" loading={busy}>
          {t('rules.testRun')}
        </Button>
      </Form>
      {problem && <Alert type="error" showIcon title={problem} style={{ marginTop: 12 }} />}
      {result && (
        <div style={{ marginTop: 12 }} data-testid="rule-test-result">
          <Alert
            type={result.outcome === 'rule' ? 'success' : 'warning'}
            showIcon
            title={
              result.decision
                ? t('rules.outcomeRule', { name: result.decision.name })
                : t('rules.outcomeTriage')
            }
            description={
              result.decision
                ? `${t('rules.lead')}：${departmentName(result.decision.leadDepartmentId)}${result.decision.coHandlerDepartmentIds.length ? `；${t('rules.coHandlers')}：${result.decision.coHandlerDepartmentIds.map(departmentName).join('、')}` : ''}`
                : result.explanation
            }
          />
          <ul style={{ marginTop: 8, paddingLeft: 18 }}>
            {result.considered.map((c) => (
              <li key={c.ruleId}>
                <Tag
                  color={
                    c.outcome === 'matched'
                      ? 'green'
                      : c.outcome === 'disabled'
                        ? 'default'
                        : c.outcome === 'also-matched'
                          ? 'blue'
                          : undefined
                  }
                >
                  {c.outcome}
                </Tag>
                {c.name}: <Typography.Text type="secondary">{c.reasons.join('；')}</Typography.Text>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

function RuleEditor({ rule, onClose }: { rule: Rule | 'new' | null; onClose: (changed: boolean) => void }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { categories, categoryName, departments, departmentName } = useDirectory();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const deptOptions = departments.map((d) => ({ value: d.id, label: departmentName(d.id) }));
  const save = async () => {
    let v: {
      name: string;
      priority?: number | null;
      categories?: string[];
      keywords?: string[];
      leadDepartmentId: string;
      coHandlerDepartmentIds?: string[];
    };
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is missing
    }
    const content = {
      name: v.name,
      conditions: { categories: v.categories ?? [], keywords: v.keywords ?? [] },
      decision: {
        leadDepartmentId: v.leadDepartmentId,
        coHandlerDepartmentIds: v.coHandlerDepartmentIds ?? [],
      },
    };
    setBusy(true);
    setProblem(undefined);
    try {
      if (rule === 'new')
        await api('/api/v1/dispatch/rules', {
          method: 'POST',
          body: {
            ...content,
            ...(v.priority !== undefined && v.priority !== null ? { priority: v.priority } : {}),
          },
        });
      else if (rule)
        await api(`/api/v1/dispatch/rules/${rule.id}`, {
          method: 'PUT',
          body: { ...content, expectedVersion: rule.version },
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
      open={rule !== null}
      title={rule === 'new' ? t('common.create') : t('common.edit')}
      onCancel={() => onClose(false)}
      onOk={save}
      okText={t('common.save')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      forceRender
      afterOpenChange={(open) => {
        if (!open) return;
        form.resetFields();
        setProblem(undefined);
        if (rule && rule !== 'new')
          form.setFieldsValue({
            name: rule.name,
            categories: rule.conditions.categories ?? [],
            keywords: rule.conditions.keywords ?? [],
            leadDepartmentId: rule.decision.leadDepartmentId,
            coHandlerDepartmentIds: rule.decision.coHandlerDepartmentIds,
          });
      }}
    >
      {problem && (
        <Alert type="error" showIcon title={problem} style={{ marginBottom: 12, whiteSpace: 'pre-line' }} />
      )}
      <Form form={form} layout="vertical" name="rule-editor">
        <Form.Item
          name="name"
          label={t('rules.name')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('rules.name') }),
            },
            { max: 100 },
          ]}
        >
          <Input />
        </Form.Item>
        {rule === 'new' && (
          <Form.Item name="priority" label={t('rules.priority')}>
            <InputNumber min={0} max={1000000} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="categories" label={t('rules.categories')}>
          <Select
            mode="multiple"
            options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
          />
        </Form.Item>
        <Form.Item name="keywords" label={t('rules.keywords')} extra={t('rules.keywordsHelp')}>
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ']} />
        </Form.Item>
        <Form.Item
          name="leadDepartmentId"
          label={t('rules.lead')}
          rules={[{ required: true, message: t('common.requiredField', { field: t('rules.lead') }) }]}
        >
          <Select options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item name="coHandlerDepartmentIds" label={t('rules.coHandlers')}>
          <Select mode="multiple" options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
      </Form>
    </Modal>
  );
}

export function RulesPage() {
  const { t } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const { categoryName, departmentName } = useDirectory();
  const rules = useAsync(
    () =>
      api<Rule[] | { items: Rule[] }>('/api/v1/dispatch/rules').then((r) => (Array.isArray(r) ? r : r.items)),
    [],
  );
  const [editing, setEditing] = useState<Rule | 'new' | null>(null);
  const canEdit = user.role === 'committee';

  const toggle = async (r: Rule) => {
    try {
      await api(`/api/v1/dispatch/rules/${r.id}/${r.enabled ? 'disable' : 'enable'}`, {
        method: 'POST',
        body: { expectedVersion: r.version },
      });
      rules.reload();
    } catch (e) {
      message.error(problemMessage(e, t));
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={16}>
        <Card
          title={t('rules.title')}
          data-testid="rules"
          extra={
            canEdit && (
              <Button type="primary" onClick={() => setEditing('new')}>
                {t('common.create')}
              </Button>
            )
          }
        >
          <AsyncView state={rules}>
            {(items) => (
              <Table<Rule>
                rowKey="id"
                size="small"
                dataSource={items}
                pagination={false}
                scroll={{ x: 'max-content' }}
                columns={[
                  { key: 'p', title: t('rules.priority'), dataIndex: 'priority', width: 70 },
                  { key: 'name', title: t('rules.name'), dataIndex: 'name' },
                  {
                    key: 'cat',
                    title: t('rules.categories'),
                    render: (_, r) =>
                      (r.conditions.categories ?? []).map((c) => <Tag key={c}>{categoryName(c)}</Tag>),
                  },
                  {
                    key: 'kw',
                    title: t('rules.keywords'),
                    render: (_, r) => (r.conditions.keywords ?? []).join('、') || '—',
                  },
                  {
                    key: 'lead',
                    title: t('rules.lead'),
                    render: (_, r) => departmentName(r.decision.leadDepartmentId),
                  },
                  {
                    key: 'co',
                    title: t('rules.coHandlers'),
                    render: (_, r) => r.decision.coHandlerDepartmentIds.map(departmentName).join('、') || '—',
                  },
                  {
                    key: 'on',
                    title: t('rules.enabled'),
                    render: (_, r) => (
                      <Switch
                        size="small"
                        checked={r.enabled}
                        disabled={!canEdit}
                        onChange={() => toggle(r)}
                        aria-label={`${t('rules.enabled')} ${r.name}`}
                      />
                    ),
                  },
                  ...(canEdit
                    ? [
                        {
                          key: 'edit',
                          title: t('common.actions'),
                          render: (_: unknown, r: Rule) => (
                            <Button size="small" onClick={() => setEditing(r)}>
                              {t('common.edit')}
                            </Button>
                          ),
                        },
                      ]
                    : []),
                ]}
              />
            )}
          </AsyncView>
        </Card>
      </Col>
      <Col xs={24} xl={8}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <RuleTester />
        </Space>
      </Col>
      <RuleEditor
        rule={editing}
        onClose={(changed) => {
          setEditing(null);
          if (changed) rules.reload();
        }}
      />
    </Row>
  );
}
