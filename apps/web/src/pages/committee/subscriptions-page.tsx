import {
  Alert,
  App,
  Button,
  Card,
  Form,
  Input,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
} from 'antd';
import { useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { Urgencies } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { useDirectory } from '../../shared/directory';
import { FormModal } from '../../shared/form-modal';
import { localizeServerMessage, problemMessage } from '../../shared/problems';
import { AsyncView, EmptyState } from '../../shared/states';
import { useAsync } from '../../shared/use-async';

const CHANNELS = ['wecom', 'dingtalk', 'webhook', 'email', 'sms'] as const;
type Channel = (typeof CHANNELS)[number];

/** The events a subscription may name: notify's friendly names and the event types they stand for. */
const EVENTS: Record<string, string> = {
  submitted: 'ticket.submitted',
  assigned: 'ticket.assigned',
  withdrawn: 'ticket.withdrawn',
  acknowledged: 'ticket.acknowledged',
  transfer_requested: 'ticket.transfer-requested',
  transfer_rejected: 'ticket.transfer-rejected',
  transfer_decided: 'dispatch.transfer-decided',
  triage_needed: 'dispatch.triage-needed',
  interim_replied: 'ticket.interim-replied',
  extension_requested: 'ticket.extension-requested',
  extension_decided: 'ticket.extension-decided',
  part_reported: 'ticket.part-reported',
  resolved: 'ticket.resolved',
  replied: 'ticket.replied',
  information_requested: 'ticket.information-requested',
  feedback: 'ticket.feedback-given',
  reopened: 'ticket.reopened',
  closed: 'ticket.closed',
  supervised: 'ticket.supervised',
  warning: 'sla.warning',
  breached: 'sla.breached',
  escalated: 'sla.escalated',
  bulletin_published: 'ledger.bulletin-published',
};
const NAME_OF_TYPE = new Map(Object.entries(EVENTS).map(([name, type]) => [type, name]));

/**
 * What an SMS subscription sends, each with its own approved template (notify's SMS_KINDS): to the
 * ticket's contact phone, when the ticket is assigned, a department asks the enterprise something,
 * or the ticket is answered.
 */
const SMS_KINDS = ['assigned', 'information_requested', 'replied'] as const;
type SmsKind = (typeof SMS_KINDS)[number];
const isSmsKind = (e: string): e is SmsKind => (SMS_KINDS as readonly string[]).includes(e);
/** Alibaba Cloud's SendSms endpoint, as most parks use it. */
const ALIYUN_SMS_ENDPOINT = 'https://dysmsapi.aliyuncs.com/';
// The rules notify applies to an SMS account (subscription-definition.ts).
const ACCESS_KEY_ID = /^[A-Za-z0-9]{1,128}$/;
const TEMPLATE_CODE = /^SMS_\d{1,20}$/;
const SIGN_NAME_BRACKETS = /[【】[\]]/;

interface Subscription {
  id: string;
  name: string;
  channel: Channel;
  events: string[];
  departmentIds: string[];
  categories: string[];
  gridIds: string[];
  urgencies: string[];
  url: string | null;
  hasSecret: boolean;
  msgtype: 'markdown' | 'text' | null;
  mentionMobiles: string[];
  mentionAll: boolean;
  recipients: string[];
  smsAccessKeyId: string | null;
  smsSignName: string | null;
  smsTemplates: Partial<Record<SmsKind, string>> | null;
  language: 'zh' | 'en';
  enabled: boolean;
  version: number;
}

interface Values {
  name: string;
  channel: Channel;
  events: string[];
  departmentIds?: string[];
  categories?: string[];
  gridIds?: string[];
  urgencies?: string[];
  url?: string;
  secret?: string;
  msgtype?: 'markdown' | 'text';
  mentionMobiles?: string[];
  mentionAll?: boolean;
  recipients?: string[];
  smsAccessKeyId?: string;
  smsSignName?: string;
  smsTemplates?: Partial<Record<SmsKind, string>>;
  language: 'zh' | 'en';
  enabled: boolean;
}

interface TestOutcome {
  id: string;
  delivered: boolean;
  error: string | null;
  durationMs: number;
}

const isRobot = (c?: Channel) => c === 'wecom' || c === 'dingtalk';
const EMAIL = /^[^\s@<>()[\]\\,;:"]+@[A-Za-z0-9-]+(\.[A-Za-z0-9-]+)+$/;
const MOBILE = /^1\d{10}$/;
// A masked URL (its key or token shortened to "abcd…") cannot be sent back as it is.
const masked = (url: string | null) => !!url && url.includes('…');

/** notify's reasons, said in Chinese when they are the usual ones; anything else as notify wrote it. */
function localizeNotifyMessage(m: string, locale: string, t: ReturnType<typeof useI18n>['t'], label: string) {
  if (locale === 'en') return m;
  let x: RegExpMatchArray | null;
  if (/^url must be an absolute URL/.test(m)) return t('subs.urlInvalid');
  if (/^url must use https/.test(m)) return t('subs.urlHttps');
  if (/^url must not carry a user name or password/.test(m)) return t('subs.urlCredentials');
  if (/^url must not have a #fragment/.test(m)) return t('subs.urlFragment');
  if ((x = m.match(/^url must not point to a cloud metadata address \((.*?)\)/)))
    return t('subs.urlMetadata', { address: x[1] });
  if ((x = m.match(/^url must not point to an? [a-z -]+ address \((.*?)\)/)))
    return t('subs.urlInternal', { address: x[1] });
  if (/^sms sends only /.test(m)) return t('subs.smsEventsOnly');
  if (/^smsAccessKeyId must be letters and digits/.test(m)) return t('subs.accessKeyIdInvalid');
  if (/^smsSignName must be the sign name itself/.test(m)) return t('subs.signNameInvalid');
  if (/must be a template code such as|^template codes look like/.test(m)) return t('subs.templateInvalid');
  if (/^smsTemplates needs a template code for/.test(m)) return t('common.requiredField', { field: label });
  if (/^secret must be at least 16/.test(m)) return t('subs.secretShort');
  if ((x = m.match(/^not mainland mobile numbers: (.*)$/))) return t('subs.mobileInvalid', { list: x[1] });
  if ((x = m.match(/^not e-mail addresses: (.*)$/))) return t('subs.emailInvalid', { list: x[1] });
  if (/^recipients must list at least one/.test(m)) return t('subs.needRecipients');
  if (/^events must name at least one/.test(m)) return t('subs.needEvent');
  if (/^WeCom robots @mention by mobile number only in text/.test(m)) return t('subs.markdownMentions');
  if (/ is required for /.test(m)) return t('common.requiredField', { field: label });
  return localizeServerMessage(m, 'zh-CN', t, label);
}

function SubscriptionEditor({
  editing,
  onClose,
}: {
  editing: Subscription | 'new' | null;
  onClose: (changed: boolean) => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const { categories, categoryName, departments, departmentName, grids, gridName } = useDirectory();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const channel = Form.useWatch('channel', form) as Channel | undefined;
  const existing = editing && editing !== 'new' ? editing : null;
  const keepSecret = !!existing?.hasSecret && existing.channel === channel;
  const sms = channel === 'sms';
  const events = (Form.useWatch('events', form) as string[] | undefined) ?? [];
  const smsKinds = SMS_KINDS.filter((k) => events.includes(k));
  const templateLabel = (k: SmsKind) => t('subs.smsTemplate', { kind: t(`subs.smsKind.${k}`) });
  const labels: Record<string, string> = {
    name: t('subs.name'),
    channel: t('subs.channel'),
    events: t('subs.events'),
    departmentIds: t('subs.departments'),
    categories: t('subs.categories'),
    gridIds: t('subs.grids'),
    urgencies: t('subs.urgencies'),
    url: sms ? t('subs.smsUrl') : t('subs.url'),
    secret: sms ? t('subs.smsSecret') : t('subs.secret'),
    msgtype: t('subs.msgtype'),
    mentionMobiles: t('subs.mentionMobiles'),
    recipients: t('subs.recipients'),
    language: t('subs.language'),
    smsAccessKeyId: t('subs.smsAccessKeyId'),
    smsSignName: t('subs.smsSignName'),
    ...Object.fromEntries(SMS_KINDS.map((k) => [`smsTemplates.${k}`, templateLabel(k)])),
  };

  /**
   * Choosing SMS: it sends only its three kinds (to the ticket's contact), so the events become
   * those three, and the endpoint Alibaba Cloud's (or the one this SMS subscription has).
   */
  const onValuesChange = (changed: Partial<Values>) => {
    if (changed.channel === undefined) return;
    if (changed.channel === 'sms') {
      form.setFieldsValue({
        events: [...SMS_KINDS],
        url:
          existing?.channel === 'sms' && !masked(existing.url) ? (existing.url ?? '') : ALIYUN_SMS_ENDPOINT,
      });
    } else if (form.getFieldValue('url') === ALIYUN_SMS_ENDPOINT) {
      form.setFieldsValue({ url: undefined });
    }
  };

  // Filled as the dialog opens: a saved URL whose key is masked must be typed again, so it starts empty.
  useEffect(() => {
    if (!editing) return;
    form.resetFields();
    setProblem(undefined);
    if (editing === 'new') return;
    form.setFieldsValue({
      name: editing.name,
      channel: editing.channel,
      events: editing.events.map((e) => NAME_OF_TYPE.get(e) ?? e),
      departmentIds: editing.departmentIds,
      categories: editing.categories,
      gridIds: editing.gridIds,
      urgencies: editing.urgencies,
      url: masked(editing.url) ? undefined : (editing.url ?? undefined),
      msgtype: editing.msgtype ?? undefined,
      mentionMobiles: editing.mentionMobiles,
      mentionAll: editing.mentionAll,
      recipients: editing.recipients,
      smsAccessKeyId: editing.smsAccessKeyId ?? undefined,
      smsSignName: editing.smsSignName ?? undefined,
      smsTemplates: editing.smsTemplates ?? undefined,
      language: editing.language,
      enabled: editing.enabled,
    });
  }, [editing, form]);

  const save = async () => {
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is wrong, under each control
    }
    const robot = isRobot(v.channel);
    const body = {
      name: v.name.trim(),
      channel: v.channel,
      events: v.events,
      departmentIds: v.departmentIds ?? [],
      categories: v.categories ?? [],
      gridIds: v.gridIds ?? [],
      urgencies: v.urgencies ?? [],
      ...(v.channel !== 'email'
        ? { url: v.url?.trim() }
        : { recipients: (v.recipients ?? []).map((r) => r.trim()) }),
      ...((v.channel === 'webhook' || v.channel === 'dingtalk' || v.channel === 'sms') && v.secret
        ? { secret: v.secret }
        : {}),
      ...(robot
        ? {
            msgtype: v.msgtype ?? 'markdown',
            mentionMobiles: v.mentionMobiles ?? [],
            mentionAll: !!v.mentionAll,
          }
        : {}),
      ...(v.channel === 'sms'
        ? {
            smsAccessKeyId: v.smsAccessKeyId?.trim(),
            smsSignName: v.smsSignName?.trim(),
            // A template for each kind it sends; one typed for a kind since unticked is not sent.
            smsTemplates: Object.fromEntries(
              SMS_KINDS.filter((k) => v.events.includes(k) && v.smsTemplates?.[k]?.trim()).map((k) => [
                k,
                v.smsTemplates![k]!.trim(),
              ]),
            ),
          }
        : {}),
      language: v.language,
      enabled: v.enabled,
    };
    setBusy(true);
    setProblem(undefined);
    try {
      if (existing)
        await api(`/api/v1/notify/subscriptions/${existing.id}`, {
          method: 'PUT',
          body: { ...body, expectedVersion: existing.version },
        });
      else await api('/api/v1/notify/subscriptions', { method: 'POST', body });
      message.success(t('common.saved'));
      onClose(true);
    } catch (e) {
      if (!placeErrors(e)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  /**
   * notify names every field at fault; each message goes under its control. A template's fault
   * goes under that template's code: "smsTemplates.replied", or "smsTemplates" naming the kinds.
   */
  const placeErrors = (e: unknown): boolean => {
    if (!(e instanceof ApiError) || !e.fieldErrors.length) return false;
    let allPlaced = true;
    const placed = new Map<string, string[]>();
    const place = (key: string, m: string) =>
      placed.set(key, [...(placed.get(key) ?? []), localizeNotifyMessage(m, locale, t, labels[key])]);
    for (const f of e.fieldErrors) {
      for (const m of f.messages) {
        const kinds =
          f.field === 'smsTemplates'
            ? SMS_KINDS.filter((k) => new RegExp(`(:|for) (.*, )?${k}(,|$)`).test(m) && events.includes(k))
            : [];
        const key = kinds.length
          ? null
          : labels[f.field]
            ? f.field
            : labels[f.field.split('.')[0]]
              ? f.field.split('.')[0]
              : undefined;
        if (kinds.length) kinds.forEach((k) => place(`smsTemplates.${k}`, m));
        else if (key) place(key, m);
        else allPlaced = false;
      }
    }
    form.setFields([...placed].map(([key, errors]) => ({ name: key.split('.') as never, errors })));
    return allPlaced;
  };

  const required = (field: string, choose = false) => ({
    required: true,
    message: t(choose ? 'common.chooseField' : 'common.requiredField', { field: labels[field] }),
  });
  const tags = (placeholder?: string) => (
    <Select
      mode="tags"
      open={false}
      tokenSeparators={[',', '，', ' ', ';', '；']}
      placeholder={placeholder}
    />
  );

  return (
    <FormModal
      open={editing !== null}
      title={existing ? `${t('common.edit')} · ${existing.name}` : t('common.create')}
      width={640}
      onCancel={() => onClose(false)}
      onOk={save}
      busy={busy}
      problem={problem}
    >
      <Form<Values>
        form={form}
        layout="vertical"
        name="subscription"
        onValuesChange={onValuesChange}
        initialValues={{
          channel: 'wecom',
          language: 'zh',
          enabled: true,
          msgtype: 'markdown',
          events: ['assigned', 'breached'],
        }}
      >
        <Form.Item
          name="name"
          label={labels.name}
          rules={[
            { ...required('name'), whitespace: true },
            { max: 100, message: t('common.maxLength', { field: labels.name, max: 100 }) },
          ]}
        >
          <Input placeholder="人社局工作群" />
        </Form.Item>
        <Form.Item name="channel" label={labels.channel} rules={[required('channel', true)]}>
          <Radio.Group
            optionType="button"
            options={CHANNELS.map((c) => ({ value: c, label: t(`subs.channel.${c}` as MessageKey) }))}
          />
        </Form.Item>
        <Form.Item
          name="events"
          label={labels.events}
          extra={sms ? t('subs.smsEventsHelp') : undefined}
          rules={[
            { required: true, type: 'array', min: 1, message: t('subs.needEvent') },
            ...(sms
              ? [
                  {
                    validator: async (_: unknown, v: string[] | undefined) => {
                      if ((v ?? []).some((e) => !isSmsKind(e))) throw new Error(t('subs.smsEventsOnly'));
                    },
                  },
                ]
              : []),
          ]}
        >
          <Select
            mode="multiple"
            showSearch={{ optionFilterProp: 'label' }}
            options={
              sms
                ? SMS_KINDS.map((k) => ({ value: k, label: t(`subs.smsKind.${k}`) }))
                : Object.keys(EVENTS).map((e) => ({
                    value: e,
                    label: t(`subs.event.${e}` as MessageKey),
                  }))
            }
          />
        </Form.Item>
        {channel !== 'email' ? (
          <Form.Item
            name="url"
            label={labels.url}
            extra={
              existing && masked(existing.url) && existing.channel === channel
                ? t('subs.urlRetype', { masked: existing.url ?? '' })
                : t(`subs.urlHelp.${channel ?? 'webhook'}` as MessageKey)
            }
            rules={[
              { ...required('url'), whitespace: true },
              {
                validator: async (_, v: string | undefined) => {
                  if (!v?.trim()) return;
                  let url: URL;
                  try {
                    url = new URL(v.trim());
                  } catch {
                    throw new Error(t('subs.urlInvalid'));
                  }
                  // notify's rules for every receiver; https and the address itself it judges alone
                  // (they depend on its settings and on DNS).
                  if (url.username || url.password) throw new Error(t('subs.urlCredentials'));
                  if (url.hash) throw new Error(t('subs.urlFragment'));
                },
              },
            ]}
          >
            <Input inputMode="url" autoComplete="off" />
          </Form.Item>
        ) : (
          <Form.Item
            name="recipients"
            label={labels.recipients}
            extra={t('subs.listHelp')}
            rules={[
              { required: true, type: 'array', min: 1, message: t('subs.needRecipients') },
              {
                validator: async (_, v: string[] | undefined) => {
                  const bad = (v ?? []).filter((r) => !EMAIL.test(r.trim()));
                  if (bad.length) throw new Error(t('subs.emailInvalid', { list: bad.join(', ') }));
                },
              },
            ]}
          >
            {tags('duty@hr.example.gov.cn')}
          </Form.Item>
        )}
        {sms && (
          <Form.Item
            name="smsAccessKeyId"
            label={labels.smsAccessKeyId}
            extra={t('subs.smsAccessKeyIdHelp')}
            rules={[
              { ...required('smsAccessKeyId'), whitespace: true },
              {
                validator: async (_, v: string | undefined) => {
                  if (v?.trim() && !ACCESS_KEY_ID.test(v.trim()))
                    throw new Error(t('subs.accessKeyIdInvalid'));
                },
              },
            ]}
          >
            <Input autoComplete="off" spellCheck={false} placeholder="LTAI5t…" />
          </Form.Item>
        )}
        {(channel === 'webhook' || channel === 'dingtalk' || sms) && (
          <Form.Item
            name="secret"
            label={labels.secret}
            extra={keepSecret ? t('subs.secretKeep') : t(`subs.secretHelp.${channel}` as MessageKey)}
            rules={[
              ...(keepSecret ? [] : [{ ...required('secret'), whitespace: true }]),
              ...(channel === 'webhook' ? [{ min: 16, message: t('subs.secretShort') }] : []),
              { max: 200, message: t('common.maxLength', { field: labels.secret, max: 200 }) },
            ]}
          >
            <Input.Password autoComplete="new-password" />
          </Form.Item>
        )}
        {sms && (
          <>
            <Form.Item
              name="smsSignName"
              label={labels.smsSignName}
              extra={t('subs.smsSignNameHelp')}
              rules={[
                { ...required('smsSignName'), whitespace: true },
                {
                  validator: async (_, v: string | undefined) => {
                    const name = v?.trim() ?? '';
                    if (name && (name.length > 30 || SIGN_NAME_BRACKETS.test(name)))
                      throw new Error(t('subs.signNameInvalid'));
                  },
                },
              ]}
            >
              <Input placeholder="园区吹哨报到" />
            </Form.Item>
            {/* What a template code is, said once under the first. */}
            {smsKinds.map((k, i) => (
              <Form.Item
                key={k}
                name={['smsTemplates', k]}
                label={templateLabel(k)}
                extra={i === 0 ? t('subs.smsTemplateHelp') : undefined}
                rules={[
                  {
                    required: true,
                    whitespace: true,
                    message: t('common.requiredField', { field: templateLabel(k) }),
                  },
                  {
                    validator: async (_, v: string | undefined) => {
                      if (v?.trim() && !TEMPLATE_CODE.test(v.trim()))
                        throw new Error(t('subs.templateInvalid'));
                    },
                  },
                ]}
              >
                <Input autoComplete="off" spellCheck={false} placeholder="SMS_123456789" />
              </Form.Item>
            ))}
          </>
        )}
        {isRobot(channel) && (
          <>
            <Form.Item name="msgtype" label={labels.msgtype}>
              <Radio.Group
                options={(['markdown', 'text'] as const).map((m) => ({
                  value: m,
                  label: t(`subs.msgtype.${m}`),
                }))}
              />
            </Form.Item>
            <Form.Item
              name="mentionMobiles"
              label={labels.mentionMobiles}
              extra={t('subs.listHelp')}
              rules={[
                {
                  validator: async (_, v: string[] | undefined) => {
                    const bad = (v ?? []).filter((m) => !MOBILE.test(m.trim()));
                    if (bad.length) throw new Error(t('subs.mobileInvalid', { list: bad.join(', ') }));
                  },
                },
              ]}
            >
              {tags('13800138000')}
            </Form.Item>
            <Form.Item name="mentionAll" label={t('subs.mentionAll')} valuePropName="checked">
              <Switch />
            </Form.Item>
          </>
        )}
        <Form.Item name="departmentIds" label={labels.departmentIds} extra={t('subs.noFilter')}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={departments.map((d) => ({ value: d.id, label: departmentName(d.id) }))}
          />
        </Form.Item>
        <Form.Item name="categories" label={labels.categories}>
          <Select
            mode="multiple"
            allowClear
            showSearch={{ optionFilterProp: 'label' }}
            options={categories.map((c) => ({ value: c.code, label: categoryName(c.code) }))}
          />
        </Form.Item>
        <Form.Item name="gridIds" label={labels.gridIds}>
          <Select
            mode="multiple"
            allowClear
            options={grids.map((g) => ({ value: g.id, label: gridName(g.id) }))}
          />
        </Form.Item>
        <Form.Item name="urgencies" label={labels.urgencies}>
          <Select
            mode="multiple"
            allowClear
            options={Urgencies.map((u) => ({ value: u, label: t(`urgency.${u}`) }))}
          />
        </Form.Item>
        <Space size={24} wrap>
          {/* An SMS's words are its approved template's, in the language it was approved in. */}
          {!sms && (
            <Form.Item name="language" label={labels.language}>
              <Radio.Group
                options={[
                  { value: 'zh', label: '中文' },
                  { value: 'en', label: 'English' },
                ]}
              />
            </Form.Item>
          )}
          <Form.Item name="enabled" label={t('subs.enabled')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Space>
      </Form>
    </FormModal>
  );
}

/**
 * 消息订阅: which events go to which group robot, webhook or mailbox, filtered by department,
 * category, grid or urgency; each one can be sent a test message, whose outcome is shown at once.
 */
export function SubscriptionsPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { categoryName, departmentName, gridName } = useDirectory();
  const state = useAsync(() => api<Subscription[]>('/api/v1/notify/subscriptions'), []);
  const [editing, setEditing] = useState<Subscription | 'new' | null>(null);
  const [testing, setTesting] = useState<string>();
  const [outcome, setOutcome] = useState<TestOutcome>();

  const test = async (s: Subscription) => {
    setTesting(s.id);
    setOutcome(undefined);
    try {
      const r = await api<Omit<TestOutcome, 'id'>>(`/api/v1/notify/subscriptions/${s.id}/test`, {
        method: 'POST',
      });
      setOutcome({ id: s.id, ...r });
    } catch (e) {
      setOutcome({ id: s.id, delivered: false, error: problemMessage(e, t), durationMs: 0 });
    } finally {
      setTesting(undefined);
    }
  };
  const remove = async (s: Subscription) => {
    try {
      await api(`/api/v1/notify/subscriptions/${s.id}`, { method: 'DELETE' });
      message.success(t('subs.deleted'));
      state.reload();
    } catch (e) {
      message.error(problemMessage(e, t));
    }
  };
  const tested = outcome && state.data?.find((s) => s.id === outcome.id);
  /** notify's reasons a test SMS was not sent, in the reader's language; a provider's answer as it came. */
  const testError = (error: string | null) => {
    if (error?.startsWith('a test SMS goes to your own mobile number')) return t('subs.smsTestNoMobile');
    if (error === 'the subscription has no SMS template') return t('subs.smsTestNoTemplate');
    return error ?? '—';
  };

  return (
    <Card
      styles={{ body: { padding: 16 } }}
      title={<h1 className="page-title">{t('subs.title')}</h1>}
      data-testid="subscriptions"
      extra={
        <Button type="primary" onClick={() => setEditing('new')}>
          {t('common.create')}
        </Button>
      }
    >
      <p style={{ marginTop: 0, color: 'rgba(0,0,0,0.65)' }}>{t('subs.intro')}</p>
      {outcome && (
        <Alert
          role="status"
          data-testid="test-outcome"
          data-delivered={outcome.delivered}
          type={outcome.delivered ? 'success' : 'error'}
          showIcon
          closable
          onClose={() => setOutcome(undefined)}
          style={{ marginBottom: 12 }}
          title={`${tested?.name ?? ''}：${
            outcome.delivered
              ? t(tested?.channel === 'sms' ? 'subs.smsTestOk' : 'subs.testOk', { ms: outcome.durationMs })
              : t('subs.testFailed', { error: testError(outcome.error) })
          }`}
        />
      )}
      <AsyncView state={state}>
        {(items) => (
          <Table<Subscription>
            rowKey="id"
            size="small"
            dataSource={items}
            pagination={false}
            // 1040 px: whole at 1366 px; narrower screens scroll the table as one piece.
            scroll={{ x: 1040 }}
            locale={{ emptyText: <EmptyState text={t('subs.empty')} /> }}
            columns={[
              { key: 'name', title: t('subs.name'), dataIndex: 'name', width: 140 },
              {
                key: 'channel',
                title: t('subs.channel'),
                width: 110,
                render: (_, s) => t(`subs.channel.${s.channel}` as MessageKey),
              },
              {
                key: 'events',
                title: t('subs.events'),
                width: 200,
                render: (_, s) =>
                  s.events.map((e) => {
                    const name = NAME_OF_TYPE.get(e);
                    const label =
                      s.channel === 'sms' && name && isSmsKind(name)
                        ? t(`subs.smsKind.${name}`)
                        : name
                          ? t(`subs.event.${name}` as MessageKey)
                          : e;
                    return <Tag key={e}>{label}</Tag>;
                  }),
              },
              {
                key: 'target',
                title: t('subs.target'),
                width: 190,
                render: (_, s) =>
                  s.channel === 'sms' ? (
                    <span style={{ wordBreak: 'break-all' }} data-testid="sms-target">
                      {t('subs.smsTarget', { sign: s.smsSignName ?? '' })}
                      <br />
                      <span style={{ color: 'rgba(0,0,0,0.65)' }}>{s.url}</span>
                    </span>
                  ) : (
                    <span style={{ wordBreak: 'break-all' }}>
                      {s.channel === 'email' ? s.recipients.join('、') : s.url}
                    </span>
                  ),
              },
              {
                key: 'filters',
                title: t('subs.filters'),
                width: 120,
                render: (_, s) =>
                  [
                    ...s.departmentIds.map(departmentName),
                    ...s.categories.map(categoryName),
                    ...s.gridIds.map(gridName),
                    ...s.urgencies.map((u) => t(`urgency.${u}` as MessageKey)),
                  ].join('、') || t('subs.noFilter'),
              },
              {
                key: 'enabled',
                title: t('subs.enabled'),
                width: 60,
                render: (_, s) => (s.enabled ? t('common.active') : t('common.inactive')),
              },
              {
                key: 'actions',
                title: t('common.actions'),
                width: 220,
                render: (_, s) => (
                  <Space size={4} wrap>
                    <Button
                      size="small"
                      onClick={() => setEditing(s)}
                      aria-label={`${t('common.edit')} ${s.name}`}
                    >
                      {t('common.edit')}
                    </Button>
                    <Button
                      size="small"
                      loading={testing === s.id}
                      onClick={() => void test(s)}
                      data-action="test"
                    >
                      {t('subs.test')}
                    </Button>
                    <Popconfirm
                      title={t('subs.deleteConfirm', { name: s.name })}
                      okText={t('common.delete')}
                      cancelText={t('common.cancel')}
                      okButtonProps={{ danger: true }}
                      onConfirm={() => remove(s)}
                    >
                      <Button size="small" danger data-action="delete">
                        {t('common.delete')}
                      </Button>
                    </Popconfirm>
                  </Space>
                ),
              },
            ]}
          />
        )}
      </AsyncView>
      <SubscriptionEditor
        editing={editing}
        onClose={(changed) => {
          setEditing(null);
          if (changed) state.reload();
        }}
      />
    </Card>
  );
}
