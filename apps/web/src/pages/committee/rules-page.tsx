import { ArrowDownOutlined, ArrowUpOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  Collapse,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { FormModal } from '../../shared/form-modal';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { localizeServerMessage, problemMessage } from '../../shared/problems';
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
  explanationEn?: string;
  considered: { ruleId: string; name: string; outcome: string; reasons: string[]; reasonsEn?: string[] }[];
}

const OUTCOME_KEY = {
  matched: 'rules.outcome.matched',
  'also-matched': 'rules.outcome.alsoMatched',
  'not-matched': 'rules.outcome.notMatched',
  disabled: 'rules.outcome.disabled',
} as const;

/**
 * The engine explains itself in Chinese, with the English beside it (reasonsEn); older answers
 * were English only, and in Chinese their usual sentences are said again.
 */
function useReasonText(): (reason: string) => string {
  const { t, locale } = useI18n();
  const { categoryName } = useDirectory();
  const names = (list: string, map: (s: string) => string = (x) => x) =>
    list.split(', ').filter(Boolean).map(map).join('、');
  return (reason) => {
    if (locale === 'en') return reason;
    let m: RegExpMatchArray | null;
    if ((m = reason.match(/^keyword "(.*)" found in (title|description): "(.*)"$/)))
      return t('rules.reason.keywordFound', {
        keyword: m[1],
        field: m[2] === 'title' ? t('rules.testTitle') : t('rules.testDescription'),
        snippet: m[3],
      });
    if ((m = reason.match(/^none of the keywords \[(.*)\] appears in the title or description$/)))
      return t('rules.reason.keywordMissing', { keywords: names(m[1]) });
    if ((m = reason.match(/^category (\S+) is one of \[(.*)\]$/)))
      return t('rules.reason.categoryHeld', { category: categoryName(m[1]) });
    if ((m = reason.match(/^category (\S+) is not one of \[(.*)\]$/)))
      return t('rules.reason.categoryMissed', {
        category: categoryName(m[1]),
        categories: names(m[2], categoryName),
      });
    if (reason === 'the rule is disabled') return t('rules.outcome.disabled');
    return reason;
  };
}

/** The rules that matched come first; the many that did not are folded away. */
const shownFirst = (c: { outcome: string }) => c.outcome === 'matched' || c.outcome === 'also-matched';

/** One rule as the engine weighed it: the outcome and why. */
function Evaluation({ c }: { c: Explained['considered'][number] }) {
  const { t, locale } = useI18n();
  const reasonText = useReasonText();
  const key = OUTCOME_KEY[c.outcome as keyof typeof OUTCOME_KEY];
  const color = { matched: 'green', 'also-matched': 'blue', disabled: 'default' }[c.outcome];
  return (
    <li data-testid="rule-evaluation" data-outcome={c.outcome}>
      <Tag color={color}>{key ? t(key) : c.outcome}</Tag>
      {c.name}：
      <Typography.Text type="secondary">
        {(locale === 'en' && c.reasonsEn ? c.reasonsEn : c.reasons.map(reasonText)).join(
          locale === 'en' ? '; ' : '；',
        )}
      </Typography.Text>
    </li>
  );
}

/** 测试这段文字: what the rules would do with a ticket, before anyone submits one. */
function RuleTester() {
  const { t, locale } = useI18n();
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
          rules={[{ required: true, message: t('common.chooseField', { field: t('rules.testCategory') }) }]}
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
                : locale === 'en'
                  ? (result.explanationEn ?? result.explanation)
                  : undefined
            }
          />
          <ul style={{ marginTop: 8, paddingLeft: 18 }}>
            {result.considered.filter(shownFirst).map((c) => (
              <Evaluation key={c.ruleId} c={c} />
            ))}
          </ul>
          {result.considered.some((c) => !shownFirst(c)) && (
            <Collapse
              size="small"
              ghost
              items={[
                {
                  key: 'others',
                  label: t('rules.othersNotMatched', {
                    n: result.considered.filter((c) => !shownFirst(c)).length,
                  }),
                  children: (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {result.considered
                        .filter((c) => !shownFirst(c))
                        .map((c) => (
                          <Evaluation key={c.ruleId} c={c} />
                        ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
        </div>
      )}
    </Card>
  );
}

function RuleEditor({ rule, onClose }: { rule: Rule | 'new' | null; onClose: (changed: boolean) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { categories, categoryName, departments, departmentName } = useDirectory();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const deptOptions = departments.map((d) => ({ value: d.id, label: departmentName(d.id) }));
  const lead = Form.useWatch('leadDepartmentId', form) as string | undefined;
  // Filled as the dialog opens, not once its animation ends: what is typed meanwhile must stay.
  useEffect(() => {
    if (!rule) return;
    form.resetFields();
    setProblem(undefined);
    if (rule !== 'new')
      form.setFieldsValue({
        name: rule.name,
        categories: rule.conditions.categories ?? [],
        keywords: rule.conditions.keywords ?? [],
        leadDepartmentId: rule.decision.leadDepartmentId,
        coHandlerDepartmentIds: rule.decision.coHandlerDepartmentIds,
      });
  }, [rule, form]);
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
      conditions: {
        categories: v.categories ?? [],
        keywords: (v.keywords ?? []).map((k) => k.trim()).filter(Boolean),
      },
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
      if (!placeErrors(e)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  /** The API's field errors under the controls they concern; false when one fits none. */
  const placeErrors = (e: unknown): boolean => {
    if (!(e instanceof ApiError) || !e.fieldErrors.length) return false;
    const control: Record<string, string> = {
      name: 'name',
      priority: 'priority',
      conditions: 'keywords',
      'conditions.categories': 'categories',
      'conditions.keywords': 'keywords',
      'decision.leadDepartmentId': 'leadDepartmentId',
      'decision.coHandlerDepartmentIds': 'coHandlerDepartmentIds',
    };
    const label: Record<string, string> = {
      name: t('rules.name'),
      priority: t('rules.priority'),
      categories: t('rules.categories'),
      keywords: t('rules.keywords'),
      leadDepartmentId: t('rules.lead'),
      coHandlerDepartmentIds: t('rules.coHandlers'),
    };
    const byControl = new Map<string, string[]>();
    let allPlaced = true;
    for (const f of e.fieldErrors) {
      const name = control[f.field];
      if (!name) {
        allPlaced = false;
        continue;
      }
      const texts =
        f.field === 'conditions'
          ? [t('rules.needCondition')]
          : f.messages.map((m) =>
              /must not contain the lead department/.test(m)
                ? t('rules.leadNotCoHandler')
                : /not a known active department|unknown departments/.test(m)
                  ? t('rules.unknownDepartment')
                  : localizeServerMessage(m, locale, t, label[name]),
            );
      byControl.set(name, [...(byControl.get(name) ?? []), ...texts]);
    }
    form.setFields([...byControl].map(([name, errors]) => ({ name, errors })));
    return allPlaced;
  };
  return (
    <FormModal
      open={rule !== null}
      title={rule === 'new' ? t('common.create') : t('common.edit')}
      onCancel={() => onClose(false)}
      onOk={save}
      busy={busy}
      problem={problem}
    >
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
          <Form.Item name="priority" label={t('rules.priority')} extra={t('rules.priorityHelp')}>
            <InputNumber min={0} max={1000000} precision={0} style={{ width: '100%' }} />
          </Form.Item>
        )}
        <Form.Item name="categories" label={t('rules.categories')} extra={t('rules.categoriesHelp')}>
          <Select
            mode="multiple"
            options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="keywords"
          label={t('rules.keywords')}
          extra={t('rules.keywordsHelp')}
          dependencies={['categories']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string[] | undefined) =>
                (v ?? []).some((k) => k.trim()) || (getFieldValue('categories') ?? []).length
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('rules.needCondition'))),
            }),
            {
              validator: (_, v: string[] | undefined) =>
                (v ?? []).every((k) => k.trim().length <= 50)
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('common.maxLength', { field: t('rules.keywords'), max: 50 }))),
            },
          ]}
        >
          <Select mode="tags" open={false} tokenSeparators={[',', '，', ' ', '、']} />
        </Form.Item>
        <Form.Item
          name="leadDepartmentId"
          label={t('rules.lead')}
          rules={[{ required: true, message: t('common.chooseField', { field: t('rules.lead') }) }]}
        >
          <Select options={deptOptions} showSearch={{ optionFilterProp: 'label' }} />
        </Form.Item>
        <Form.Item
          name="coHandlerDepartmentIds"
          label={t('rules.coHandlers')}
          dependencies={['leadDepartmentId']}
          rules={[
            ({ getFieldValue }) => ({
              validator: (_, v: string[] | undefined) =>
                (v ?? []).includes(getFieldValue('leadDepartmentId'))
                  ? Promise.reject(new Error(t('rules.leadNotCoHandler')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Select
            mode="multiple"
            options={deptOptions.map((o) => ({ ...o, disabled: o.value === lead }))}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
      </Form>
    </FormModal>
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

  // The first rule that matches decides: moving a rule up or down rewrites the whole order at once.
  const move = async (items: Rule[], index: number, by: -1 | 1) => {
    const ids = items.map((r) => r.id);
    [ids[index], ids[index + by]] = [ids[index + by], ids[index]];
    try {
      await api('/api/v1/dispatch/rules/order', { method: 'PUT', body: { ruleIds: ids } });
      rules.reload();
    } catch (e) {
      message.error(problemMessage(e, t));
    }
  };

  return (
    <Row gutter={[16, 16]}>
      <Col span={24}>
        <Card
          styles={{ body: { padding: 16 } }}
          title={<h1 className="page-title">{t('rules.title')}</h1>}
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
                // The whole width of the page and no pinned columns: at 1366 px every column is in
                // sight; below that the table scrolls as one piece, nothing hidden behind another.
                scroll={{ x: 920 }}
                columns={[
                  { key: 'p', title: t('rules.priority'), dataIndex: 'priority', width: 64 },
                  { key: 'name', title: t('rules.name'), dataIndex: 'name', width: 200 },
                  {
                    key: 'cat',
                    title: t('rules.categories'),
                    width: 150,
                    render: (_, r) =>
                      (r.conditions.categories ?? []).map((c) => <Tag key={c}>{categoryName(c)}</Tag>),
                  },
                  {
                    key: 'kw',
                    title: t('rules.keywords'),
                    width: 130,
                    render: (_, r) => (r.conditions.keywords ?? []).join('、') || '—',
                  },
                  {
                    key: 'lead',
                    title: t('rules.lead'),
                    width: 110,
                    render: (_, r) => departmentName(r.decision.leadDepartmentId),
                  },
                  {
                    key: 'co',
                    title: t('rules.coHandlers'),
                    width: 130,
                    render: (_, r) => r.decision.coHandlerDepartmentIds.map(departmentName).join('、') || '—',
                  },
                  {
                    key: 'on',
                    title: t('rules.enabled'),
                    width: 64,
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
                          width: 150,
                          render: (_: unknown, r: Rule, i: number) => (
                            <Space size={4}>
                              <Button size="small" onClick={() => setEditing(r)}>
                                {t('common.edit')}
                              </Button>
                              <Button
                                size="small"
                                icon={<ArrowUpOutlined aria-hidden />}
                                disabled={i === 0}
                                aria-label={`${t('rules.moveUp')} ${r.name}`}
                                onClick={() => move(items, i, -1)}
                              />
                              <Button
                                size="small"
                                icon={<ArrowDownOutlined aria-hidden />}
                                disabled={i === items.length - 1}
                                aria-label={`${t('rules.moveDown')} ${r.name}`}
                                onClick={() => move(items, i, 1)}
                              />
                            </Space>
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
      <Col xs={24} xl={12}>
        <RuleTester />
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
