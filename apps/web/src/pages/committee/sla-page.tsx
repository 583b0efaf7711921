import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  Collapse,
  DatePicker,
  Descriptions,
  Form,
  Input,
  InputNumber,
  Row,
  Select,
  Space,
  Table,
  Tag,
  Typography,
} from 'antd';
import type { FormInstance } from 'antd';
import { FormModal } from '../../shared/form-modal';
import dayjs, { Dayjs } from 'dayjs';
import { HTMLAttributes, useEffect, useState } from 'react';
import { api, ApiError } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { localizeServerMessage, problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';

interface Duration {
  amount: number;
  unit: string;
}
type TimerRule = { duration: Duration; warnings?: unknown[]; escalations?: unknown[]; pauseWhen?: unknown[] };
interface Policy {
  id: string;
  version: number;
  name: string;
  category: string;
  urgency: string;
  active: boolean;
  definition: {
    calendarId: string;
    timers: Record<string, TimerRule | undefined>;
  };
}
interface Holiday {
  name: string;
  from: string;
  to: string;
}
interface Notice {
  year: number;
  title: string;
  reference?: string;
  publishedOn?: string;
  holidays?: Holiday[];
  makeUpWorkdays?: string[];
  loadedAt: string;
}
interface Calendar {
  id: string;
  name: string;
  timeZone: string;
  workingHours: { start: string; end: string }[] | unknown;
  version: number;
  notices: Notice[];
}

/** The policy's timers, in the order a ticket meets them. */
const TIMER_KINDS = [
  'triage',
  'respond',
  'resolve',
  'reply',
  'feedback',
  'transfer_arbitration',
  'co_handler_report',
] as const;
type TimerKind = (typeof TIMER_KINDS)[number];
const TIMER_LABEL: Record<TimerKind, MessageKey> = {
  triage: 'sla.timer.triage',
  respond: 'dueKind.respond',
  resolve: 'dueKind.resolve',
  reply: 'dueKind.reply',
  feedback: 'dueKind.feedback',
  transfer_arbitration: 'sla.timer.transferArbitration',
  co_handler_report: 'sla.timer.coHandlerReport',
};

const UNITS = ['working_days', 'working_hours', 'working_minutes', 'hours', 'minutes', 'seconds'] as const;
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

type DurationFields = Partial<Record<TimerKind, { amount?: number | null; unit?: string }>>;

const parse = (text: unknown): Policy['definition'] | null => {
  try {
    const d = JSON.parse(String(text)) as Policy['definition'];
    return d && typeof d === 'object' && d.timers && typeof d.timers === 'object' ? d : null;
  } catch {
    return null;
  }
};

/** The definition as text, in a reading order (the database keeps JSON keys in its own order). */
const pretty = (d: Policy['definition']): string => {
  const timers: Record<string, unknown> = {};
  for (const k of [...TIMER_KINDS, ...Object.keys(d.timers)]) {
    const r = d.timers[k];
    if (!r || k in timers) continue;
    const { duration, warnings, escalations, pauseWhen, ...more } = r;
    timers[k] = { duration, warnings, escalations, pauseWhen, ...more };
  }
  const { calendarId, timers: _, ...rest } = d;
  return JSON.stringify({ calendarId, timers, ...rest }, null, 2);
};

const durationsOf = (d: Policy['definition']): DurationFields =>
  Object.fromEntries(
    TIMER_KINDS.filter((k) => d.timers[k]).map((k) => [
      k,
      { amount: d.timers[k]!.duration?.amount, unit: d.timers[k]!.duration?.unit },
    ]),
  );

/**
 * A policy's deadlines, one amount and unit per timer; the whole definition (warnings, escalation
 * ladder, pauses) stays editable as JSON underneath, and the two are kept in step.
 */
function PolicyEditor({ policy, onClose }: { policy: Policy | null; onClose: (changed: boolean) => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [kinds, setKinds] = useState<TimerKind[]>([]);
  const units = locale === 'en' ? UNIT_EN : UNIT_ZH;
  // Filled as the dialog opens, not once its animation ends: what is typed meanwhile must stay.
  useEffect(() => {
    if (!policy) return;
    form.resetFields();
    setProblem(undefined);
    setKinds(TIMER_KINDS.filter((k) => policy.definition.timers[k]));
    form.setFieldsValue({
      name: policy.name,
      timers: durationsOf(policy.definition),
      definition: pretty(policy.definition),
    });
  }, [policy, form]);

  const save = async () => {
    if (!policy) return;
    let v: { name: string; definition: string; timers?: DurationFields };
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is wrong, under each field
    }
    const definition = parse(v.definition)!;
    for (const k of kinds) {
      const d = v.timers?.[k];
      const rule = definition.timers[k];
      if (d && rule) rule.duration = { amount: Number(d.amount), unit: String(d.unit) };
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await api(`/api/v1/sla/policies/${policy.id}`, {
        method: 'PUT',
        body: { expectedVersion: policy.version, name: v.name.trim(), definition },
      });
      message.success(t('common.saved'));
      onClose(true);
    } catch (e) {
      if (!placeErrors(e)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  /** definition.timers.resolve.duration.amount → the amount of 办结时限; false when one fits no control. */
  const placeErrors = (e: unknown): boolean => {
    if (!(e instanceof ApiError) || !e.fieldErrors.length) return false;
    let allPlaced = true;
    const fields: { name: (string | number)[]; errors: string[] }[] = [];
    for (const f of e.fieldErrors) {
      const m = /^definition\.timers\.(\w+)\.duration\.(amount|unit)$/.exec(f.field);
      if (m && kinds.includes(m[1] as TimerKind)) {
        const label = t(TIMER_LABEL[m[1] as TimerKind]);
        fields.push({
          name: ['timers', m[1], m[2]],
          errors: f.messages.map((msg) =>
            /must be greater than 0|must not be negative/.test(msg)
              ? t('sla.amountPositive', { field: label })
              : /whole number/.test(msg)
                ? t('sla.amountWholeDays', { field: label })
                : localizeServerMessage(msg, locale, t, label),
          ),
        });
      } else if (f.field === 'name') {
        fields.push({
          name: ['name'],
          errors: f.messages.map((msg) => localizeServerMessage(msg, locale, t, t('sla.policyName'))),
        });
      } else allPlaced = false;
    }
    form.setFields(fields);
    return allPlaced;
  };

  const onValuesChange = (
    changed: Record<string, unknown>,
    all: { definition?: string; timers?: DurationFields },
  ) => {
    if (changed.timers) {
      // An amount or unit changed: write it into the JSON as well.
      const d = parse(all.definition);
      if (!d) return;
      for (const k of kinds) {
        const f = all.timers?.[k];
        if (d.timers[k] && typeof f?.amount === 'number' && f.unit)
          d.timers[k]!.duration = { amount: f.amount, unit: f.unit };
      }
      form.setFieldValue('definition', pretty(d));
    } else if ('definition' in changed) {
      // The JSON changed: show its timers and durations above.
      const d = parse(all.definition);
      if (!d) return;
      setKinds(TIMER_KINDS.filter((k) => d.timers[k]));
      form.setFieldValue('timers', durationsOf(d));
    }
  };

  return (
    <FormModal
      open={policy !== null}
      title={`${t('common.edit')} ${policy?.name ?? ''}`}
      width={720}
      onCancel={() => onClose(false)}
      onOk={save}
      busy={busy}
      problem={problem}
    >
      <Form form={form} layout="vertical" name="policy-editor" onValuesChange={onValuesChange}>
        <Form.Item
          name="name"
          label={t('sla.policyName')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('sla.policyName') }),
            },
            { max: 200, message: t('common.maxLength', { field: t('sla.policyName'), max: 200 }) },
          ]}
        >
          <Input />
        </Form.Item>
        <Row gutter={16}>
          {kinds.map((k) => (
            <Col key={k} xs={24} sm={12}>
              <Form.Item label={t(TIMER_LABEL[k])} required style={{ marginBottom: 0 }}>
                <Space.Compact block>
                  <Form.Item
                    name={['timers', k, 'amount']}
                    dependencies={[['timers', k, 'unit']]}
                    style={{ width: '40%' }}
                    rules={[
                      { required: true, message: t('common.requiredField', { field: t(TIMER_LABEL[k]) }) },
                      ({ getFieldValue }) => ({
                        validator: (_, v: number | null | undefined) => {
                          if (v === null || v === undefined) return Promise.resolve();
                          if (!(v > 0))
                            return Promise.reject(
                              new Error(t('sla.amountPositive', { field: t(TIMER_LABEL[k]) })),
                            );
                          if (getFieldValue(['timers', k, 'unit']) === 'working_days' && !Number.isInteger(v))
                            return Promise.reject(
                              new Error(t('sla.amountWholeDays', { field: t(TIMER_LABEL[k]) })),
                            );
                          return Promise.resolve();
                        },
                      }),
                    ]}
                  >
                    <InputNumber aria-label={t(TIMER_LABEL[k])} style={{ width: '100%' }} />
                  </Form.Item>
                  <Form.Item
                    name={['timers', k, 'unit']}
                    style={{ width: '60%' }}
                    rules={[{ required: true }]}
                  >
                    <Select
                      aria-label={`${t(TIMER_LABEL[k])} ${t('sla.unit')}`}
                      options={UNITS.map((u) => ({ value: u, label: units[u] }))}
                    />
                  </Form.Item>
                </Space.Compact>
              </Form.Item>
            </Col>
          ))}
        </Row>
        <Collapse
          size="small"
          style={{ marginTop: 8 }}
          items={[
            {
              key: 'json',
              label: t('sla.definitionJson'),
              forceRender: true,
              children: (
                <Form.Item
                  name="definition"
                  extra={t('sla.definitionJsonHelp')}
                  rules={[
                    {
                      validator: (_, v: string) =>
                        parse(v) ? Promise.resolve() : Promise.reject(new Error(t('sla.definitionInvalid'))),
                    },
                  ]}
                >
                  <Input.TextArea
                    aria-label={t('sla.definitionJson')}
                    autoSize={{ minRows: 12, maxRows: 24 }}
                    style={{ fontFamily: 'monospace' }}
                  />
                </Form.Item>
              ),
            },
          ]}
        />
      </Form>
    </FormModal>
  );
}

const ISO = 'YYYY-MM-DD';
const WEEKDAY_ZH = '日一二三四五六';

/** Checks a year's notice as the calendar service will, in the words of the form. */
function noticeRules(form: FormInstance, t: (k: MessageKey, v?: Record<string, string | number>) => string) {
  const year = (): number | undefined => form.getFieldValue('year') as number | undefined;
  // A notice arranges its own year; only 元旦 may start, and a make-up day fall, in the December before.
  const inYear = (d: Dayjs) => {
    const y = year();
    return y === undefined || d.year() === y || (d.year() === y - 1 && d.month() === 11);
  };
  // By position in the list (an incomplete row stays in its place, as undefined).
  const ranges = (): ([Dayjs, Dayjs] | undefined)[] =>
    ((form.getFieldValue('holidays') as { range?: [Dayjs, Dayjs] }[] | undefined) ?? []).map((h) =>
      Array.isArray(h?.range) && h.range[0] && h.range[1] ? h.range : undefined,
    );
  return {
    range: (index: number) => ({
      validator: (_: unknown, r: [Dayjs, Dayjs] | undefined) => {
        if (!r?.[0] || !r[1]) return Promise.resolve();
        if (!inYear(r[0]) || r[1].year() !== year())
          return Promise.reject(new Error(t('sla.notice.outsideYear', { year: year() ?? '' })));
        const overlaps = ranges().some(
          (o, i) => i !== index && o && !r[0].isAfter(o[1], 'day') && !o[0].isAfter(r[1], 'day'),
        );
        return overlaps ? Promise.reject(new Error(t('sla.notice.overlap'))) : Promise.resolve();
      },
    }),
    makeUp: (index: number) => ({
      validator: (_: unknown, d: Dayjs | undefined) => {
        if (!d) return Promise.resolve();
        if (d.day() !== 0 && d.day() !== 6)
          return Promise.reject(new Error(t('sla.notice.makeUpWeekend', { weekday: WEEKDAY_ZH[d.day()] })));
        if (!inYear(d)) return Promise.reject(new Error(t('sla.notice.outsideYear', { year: year() ?? '' })));
        if (ranges().some((r) => r && !d.isBefore(r[0], 'day') && !d.isAfter(r[1], 'day')))
          return Promise.reject(new Error(t('sla.notice.makeUpInHoliday')));
        const all = (form.getFieldValue('makeUpWorkdays') as (Dayjs | undefined)[] | undefined) ?? [];
        if (all.some((o, i) => i !== index && o && o.isSame(d, 'day')))
          return Promise.reject(new Error(t('sla.notice.makeUpTwice')));
        return Promise.resolve();
      },
    }),
  };
}

const noticeTitle = (year: number) => `国务院办公厅关于${year}年部分节假日安排的通知`;

/** 载入年度节假日安排: the State Council's notice for a year, typed in from its text. */
function NoticeLoader({
  calendar,
  onClose,
}: {
  calendar: Calendar | null;
  onClose: (changed: boolean) => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const loaded = calendar?.notices.map((n) => n.year) ?? [];
  const rules = noticeRules(form, t);
  // Filled as the dialog opens, not once its animation ends: what is typed meanwhile must stay.
  useEffect(() => {
    if (!calendar) return;
    form.resetFields();
    setProblem(undefined);
    const year = Math.max(dayjs().year(), ...calendar.notices.map((n) => n.year)) + 1;
    form.setFieldsValue({ year, title: noticeTitle(year), holidays: [{}], makeUpWorkdays: [] });
  }, [calendar, form]);

  const save = async () => {
    if (!calendar) return;
    let v: {
      year: number;
      title: string;
      reference: string;
      publishedOn: Dayjs;
      holidays?: { name: string; range: [Dayjs, Dayjs] }[];
      makeUpWorkdays?: Dayjs[];
    };
    try {
      v = await form.validateFields();
    } catch {
      return; // the form shows what is wrong, under each field
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await api(`/api/v1/sla/calendars/${encodeURIComponent(calendar.id)}/notices`, {
        method: 'POST',
        body: {
          year: v.year,
          title: v.title.trim(),
          reference: v.reference.trim(),
          publishedOn: v.publishedOn.format(ISO),
          holidays: (v.holidays ?? []).map((h) => ({
            name: h.name.trim(),
            from: h.range[0].format(ISO),
            to: h.range[1].format(ISO),
          })),
          makeUpWorkdays: (v.makeUpWorkdays ?? []).map((d) => d.format(ISO)),
        },
      });
      message.success(t('common.saved'));
      onClose(true);
    } catch (e) {
      const messages = e instanceof ApiError ? e.fieldErrors.flatMap((f) => f.messages) : [];
      setProblem(
        messages.length ? `${t('sla.notice.rejected')}\n${messages.join('\n')}` : problemMessage(e, t),
      );
    } finally {
      setBusy(false);
    }
  };

  return (
    <FormModal
      open={calendar !== null}
      title={`${t('sla.notice.load')} · ${calendar?.name ?? ''}`}
      width={720}
      onCancel={() => onClose(false)}
      onOk={save}
      busy={busy}
      problem={problem}
    >
      <Form
        form={form}
        layout="vertical"
        name="notice-loader"
        onValuesChange={(
          changed: { year?: number; title?: string },
          all: { year?: number; title?: string },
        ) => {
          // The title follows the year while it is still the usual wording.
          if (changed.year && /^国务院办公厅关于\d{4}年部分节假日安排的通知$/.test(all.title ?? ''))
            form.setFieldValue('title', noticeTitle(changed.year));
        }}
      >
        <Space wrap align="start">
          <Form.Item
            name="year"
            label={t('sla.notice.year')}
            rules={[
              { required: true, message: t('common.requiredField', { field: t('sla.notice.year') }) },
              {
                validator: (_, y: number | null | undefined) =>
                  y === null || y === undefined
                    ? Promise.resolve()
                    : !Number.isInteger(y) || y < 1900 || y > 2999
                      ? Promise.reject(new Error(t('sla.notice.yearInvalid')))
                      : loaded.includes(y)
                        ? Promise.reject(new Error(t('sla.notice.yearLoaded', { year: y })))
                        : Promise.resolve(),
              },
            ]}
          >
            <InputNumber style={{ width: 120 }} />
          </Form.Item>
          <Form.Item
            name="publishedOn"
            label={t('sla.notice.publishedOn')}
            rules={[
              { required: true, message: t('common.requiredField', { field: t('sla.notice.publishedOn') }) },
            ]}
          >
            <DatePicker />
          </Form.Item>
          <Form.Item
            name="reference"
            label={t('sla.notice.reference')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('sla.notice.reference') }),
              },
            ]}
          >
            <Input placeholder="国办发明电〔2026〕7号" style={{ width: 220 }} />
          </Form.Item>
        </Space>
        <Form.Item
          name="title"
          label={t('sla.notice.title')}
          rules={[
            {
              required: true,
              whitespace: true,
              message: t('common.requiredField', { field: t('sla.notice.title') }),
            },
          ]}
        >
          <Input />
        </Form.Item>
        <Form.List
          name="holidays"
          rules={[
            {
              validator: (_, list: unknown[] | undefined) =>
                list?.length ? Promise.resolve() : Promise.reject(new Error(t('sla.notice.needHoliday'))),
            },
          ]}
        >
          {(items, { add, remove }, { errors }) => (
            <Form.Item label={t('sla.holidays')} required data-testid="notice-holidays">
              {items.map((item, i) => (
                <Space key={item.key} align="start" wrap data-testid="notice-holiday">
                  <Form.Item
                    name={[item.name, 'name']}
                    rules={[
                      {
                        required: true,
                        whitespace: true,
                        message: t('common.requiredField', { field: t('sla.notice.holidayName') }),
                      },
                    ]}
                  >
                    <Input
                      aria-label={`${t('sla.notice.holidayName')} ${i + 1}`}
                      placeholder={t('sla.notice.holidayNamePlaceholder')}
                      style={{ width: 180 }}
                    />
                  </Form.Item>
                  <Form.Item
                    name={[item.name, 'range']}
                    dependencies={['year', 'holidays']}
                    rules={[
                      {
                        required: true,
                        message: t('common.requiredField', { field: t('sla.notice.holidayDates') }),
                      },
                      rules.range(i),
                    ]}
                  >
                    <DatePicker.RangePicker />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t('sla.notice.remove')} ${i + 1}`}
                    onClick={() => remove(item.name)}
                  />
                </Space>
              ))}
              <div>
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add({})}>
                  {t('sla.notice.addHoliday')}
                </Button>
              </div>
              <Form.ErrorList errors={errors} />
            </Form.Item>
          )}
        </Form.List>
        <Form.List name="makeUpWorkdays">
          {(items, { add, remove }) => (
            <Form.Item
              label={t('sla.makeupDays')}
              extra={t('sla.notice.makeUpHelp')}
              data-testid="notice-makeups"
            >
              {items.map((item, i) => (
                <Space key={item.key} align="start" data-testid="notice-makeup">
                  <Form.Item
                    name={item.name}
                    dependencies={['year', 'holidays', 'makeUpWorkdays']}
                    rules={[
                      { required: true, message: t('common.requiredField', { field: t('sla.makeupDays') }) },
                      rules.makeUp(i),
                    ]}
                  >
                    <DatePicker aria-label={`${t('sla.makeupDays')} ${i + 1}`} />
                  </Form.Item>
                  <Button
                    icon={<DeleteOutlined aria-hidden />}
                    aria-label={`${t('sla.notice.removeMakeUp')} ${i + 1}`}
                    onClick={() => remove(item.name)}
                  />
                </Space>
              ))}
              <div>
                <Button icon={<PlusOutlined aria-hidden />} onClick={() => add()}>
                  {t('sla.notice.addMakeUp')}
                </Button>
              </div>
            </Form.Item>
          )}
        </Form.List>
      </Form>
    </FormModal>
  );
}

/** 1月1日–1月3日, or Jan 1 – Jan 3. */
function useDayFormat() {
  const { locale } = useI18n();
  const day = (iso: string) => {
    const d = dayjs(iso);
    return locale === 'en' ? d.format('MMM D') : `${d.month() + 1}月${d.date()}日`;
  };
  return {
    period: (h: Holiday) => (h.from === h.to ? day(h.from) : `${day(h.from)}–${day(h.to)}`),
    withWeekday: (iso: string) => {
      const d = dayjs(iso);
      return locale === 'en' ? d.format('ddd MMM D') : `${day(iso)}（周${WEEKDAY_ZH[d.day()]}）`;
    },
  };
}

function NoticeView({ n }: { n: Notice }) {
  const { t, locale } = useI18n();
  const fmt = useDayFormat();
  return (
    <div data-testid="calendar-notice" data-year={n.year} style={{ marginBottom: 8 }}>
      <div>
        <Tag>{n.year}</Tag>
        {n.title} {n.reference ? <Typography.Text type="secondary">（{n.reference}）</Typography.Text> : null}
        <Typography.Text type="secondary"> · {formatDateTime(n.loadedAt, locale)}</Typography.Text>
      </div>
      {n.holidays?.length ? (
        <div style={{ marginTop: 4 }} data-testid="notice-holiday-list">
          {n.holidays.map((h) => (
            <Tag key={h.from} color="red" style={{ marginBottom: 4 }}>
              {h.name} {fmt.period(h)}
            </Tag>
          ))}
        </div>
      ) : null}
      {n.makeUpWorkdays?.length ? (
        <div data-testid="notice-makeup-list">
          <Typography.Text type="secondary">{t('sla.makeupDays')}：</Typography.Text>
          {n.makeUpWorkdays.map((d) => (
            <Tag key={d} color="blue" style={{ marginBottom: 4 }}>
              {fmt.withWeekday(d)}
            </Tag>
          ))}
        </div>
      ) : null}
    </div>
  );
}

export function SlaPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const { categoryName } = useDirectory();
  const policies = useAsync(() => api<Policy[]>('/api/v1/sla/policies'), []);
  const calendars = useAsync(() => api<Calendar[]>('/api/v1/sla/calendars'), []);
  const [editing, setEditing] = useState<Policy | null>(null);
  const [loading, setLoading] = useState<Calendar | null>(null);
  const units = locale === 'en' ? UNIT_EN : UNIT_ZH;
  const fmt = (d?: Duration) => (d ? `${d.amount} ${units[d.unit] ?? d.unit}` : '—');
  // The calendar service lets the admin load notices; the committee reads them.
  const canLoadNotices = user.role === 'admin';

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <h1 className="page-title">{t('sla.title')}</h1>
      <Card title={t('sla.policies')} data-testid="sla-policies" styles={{ body: { padding: 16 } }}>
        <AsyncView state={policies}>
          {(items) => (
            <Table<Policy>
              rowKey="id"
              size="small"
              dataSource={items}
              pagination={false}
              scroll={{ x: 'max-content' }}
              columns={[
                { key: 'name', title: t('sla.policyName'), dataIndex: 'name', width: 160 },
                // The action next to the name it acts on: never the column a narrow screen cuts off.
                {
                  key: 'edit',
                  title: t('common.actions'),
                  render: (_, p) => (
                    <Button size="small" onClick={() => setEditing(p)}>
                      {t('common.edit')}
                    </Button>
                  ),
                },
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
                ...TIMER_KINDS.map((k) => ({
                  key: k,
                  title: t(TIMER_LABEL[k]),
                  onCell: () => ({ 'data-timer': k }) as HTMLAttributes<HTMLElement>,
                  render: (_: unknown, p: Policy) => fmt(p.definition.timers[k]?.duration),
                })),
                {
                  key: 'v',
                  title: t('ticket.version'),
                  dataIndex: 'version',
                  width: 60,
                  onCell: () => ({ 'data-col': 'version' }) as HTMLAttributes<HTMLElement>,
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
                    styles={{ label: { whiteSpace: 'nowrap', width: 100 } }}
                    title={`${c.name} (${c.timeZone})`}
                    extra={
                      canLoadNotices && (
                        <Button
                          type="primary"
                          icon={<PlusOutlined aria-hidden />}
                          onClick={() => setLoading(c)}
                        >
                          {t('sla.notice.load')}
                        </Button>
                      )
                    }
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
                          ? [...c.notices]
                              .sort((a, b) => b.year - a.year)
                              .map((n) => <NoticeView key={n.year} n={n} />)
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
      <NoticeLoader
        calendar={loading}
        onClose={(changed) => {
          setLoading(null);
          if (changed) calendars.reload();
        }}
      />
    </Space>
  );
}
