import { PlusOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  DatePicker,
  Empty,
  Form,
  Input,
  InputNumber,
  List,
  Select,
  Space,
  Typography,
} from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { Link } from 'react-router-dom';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { FormModal } from '../../shared/form-modal';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { useGridEnterprises } from '../outreach/grid-enterprises';
import { keepAppForOffline } from '../outreach/offline-shell';
import { LIMITS, ManualWorkKinds, OUTREACH, WorkLogLine } from '../outreach/outreach-api';
import { SectionTitle, WorkKindTag } from '../outreach/outreach-words';
import { monthBounds, monthLabel, zoneDay, zoneMonth } from '../outreach/zone-time';

interface WorkForm {
  day?: Dayjs;
  kind?: string;
  title?: string;
  content?: string;
  enterpriseId?: string;
  hours?: number | null;
}

/**
 * 我的工作日志: a month of the instructor's days, newest first: the visits (written by themselves)
 * and the rest of the work, added here (meetings, activities, training, paperwork …).
 */
export function WorkLogPage() {
  const { t, locale } = useI18n();
  const user = useUser();
  const { message } = App.useApp();
  const [month, setMonth] = useState(zoneMonth());
  const state = useAsync(
    () => api<{ items: WorkLogLine[] }>(`${OUTREACH}/work-log`, { query: monthBounds(month) }),
    [month],
  );
  const { enterprises } = useGridEnterprises(user.id);
  const [form] = Form.useForm<WorkForm>();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  useEffect(() => keepAppForOffline(), []);

  const labels = {
    day: t('work.day'),
    kind: t('work.kindLabel'),
    title: t('work.title'),
    content: t('work.content'),
    enterpriseId: t('visit.enterprise'),
    hours: t('work.hours'),
  };

  const submit = async () => {
    let v: WorkForm;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    setProblem(undefined);
    try {
      await api(`${OUTREACH}/work-log`, {
        method: 'POST',
        body: {
          day: v.day!.format('YYYY-MM-DD'),
          kind: v.kind,
          title: v.title?.trim(),
          ...(v.content?.trim() ? { content: v.content.trim() } : {}),
          ...(v.enterpriseId ? { enterpriseId: v.enterpriseId } : {}),
          ...(v.hours ? { hours: v.hours } : {}),
        },
      });
      message.success(t('common.saved'));
      setOpen(false);
      form.resetFields();
      const d = v.day!.format('YYYY-MM');
      if (d !== month) setMonth(d);
      else state.reload();
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  const today = zoneDay();
  return (
    <Card
      styles={{ body: { padding: 16 } }}
      data-testid="work-log"
      title={<h1 className="page-title">{t('nav.workLog')}</h1>}
      extra={
        <Button
          type="primary"
          icon={<PlusOutlined aria-hidden />}
          onClick={() => {
            form.setFieldsValue({ day: dayjs(today) });
            setOpen(true);
          }}
        >
          {t('work.add')}
        </Button>
      }
    >
      <Space wrap style={{ marginBottom: 12 }}>
        <label htmlFor="work-log-month">{t('work.month')}</label>
        <DatePicker
          id="work-log-month"
          picker="month"
          allowClear={false}
          value={dayjs(`${month}-01`)}
          onChange={(d) => d && setMonth(d.format('YYYY-MM'))}
          disabledDate={(d) => d.isAfter(dayjs(), 'month')}
        />
      </Space>
      <AsyncView state={state}>
        {({ items }) => {
          const days = [...new Set(items.map((i) => i.day))].sort().reverse();
          if (!days.length)
            return <Empty description={t('work.empty', { month: monthLabel(month, locale) })} />;
          return (
            <Space orientation="vertical" size={12} style={{ width: '100%' }}>
              {days.map((day) => (
                <section key={day} data-day={day}>
                  <SectionTitle>
                    {dayjs(day).format(locale === 'en' ? 'D MMM, ddd' : 'M月D日 dddd')}
                  </SectionTitle>
                  <List
                    size="small"
                    dataSource={items.filter((i) => i.day === day)}
                    renderItem={(line) => (
                      <List.Item data-testid="work-line" data-kind={line.kind}>
                        <Space orientation="vertical" size={2} style={{ width: '100%' }}>
                          <Space wrap size={4}>
                            <WorkKindTag kind={line.kind} />
                            {line.kind === 'visit' ? (
                              <Link to={`/visits/${line.id}`}>{line.enterpriseName ?? line.title}</Link>
                            ) : (
                              <Typography.Text strong>{line.title}</Typography.Text>
                            )}
                            {line.hours !== null && (
                              <Typography.Text type="secondary">
                                {t('work.hoursValue', { n: line.hours })}
                              </Typography.Text>
                            )}
                          </Space>
                          {line.enterpriseName && line.kind !== 'visit' && (
                            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                              {line.enterpriseName}
                            </Typography.Text>
                          )}
                          {line.content && (
                            <Typography.Paragraph style={{ margin: 0, whiteSpace: 'pre-wrap' }}>
                              {line.content}
                            </Typography.Paragraph>
                          )}
                        </Space>
                      </List.Item>
                    )}
                  />
                </section>
              ))}
            </Space>
          );
        }}
      </AsyncView>
      <FormModal
        open={open}
        title={t('work.add')}
        busy={busy}
        problem={problem}
        onOk={() => void submit()}
        onCancel={() => {
          setOpen(false);
          setProblem(undefined);
        }}
      >
        <Form<WorkForm> form={form} layout="vertical" name="work-log-entry">
          <Form.Item
            label={labels.day}
            name="day"
            rules={[{ required: true, message: t('common.chooseField', { field: labels.day }) }]}
          >
            <DatePicker
              style={{ width: '100%' }}
              inputReadOnly
              disabledDate={(d) => d.format('YYYY-MM-DD') > today}
            />
          </Form.Item>
          <Form.Item
            label={labels.kind}
            name="kind"
            rules={[{ required: true, message: t('common.chooseField', { field: labels.kind }) }]}
          >
            <Select
              options={ManualWorkKinds.map((k) => ({ value: k, label: t(`work.kind.${k}` as MessageKey) }))}
            />
          </Form.Item>
          <Form.Item
            label={labels.title}
            name="title"
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: labels.title }),
              },
              {
                max: LIMITS.title,
                message: t('common.maxLength', { field: labels.title, max: LIMITS.title }),
              },
            ]}
          >
            <Input count={{ show: true, max: LIMITS.title }} />
          </Form.Item>
          <Form.Item
            label={labels.content}
            name="content"
            rules={[
              {
                max: LIMITS.workContent,
                message: t('common.maxLength', { field: labels.content, max: LIMITS.workContent }),
              },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 3, maxRows: 8 }}
              count={{ show: true, max: LIMITS.workContent }}
            />
          </Form.Item>
          <Form.Item label={labels.enterpriseId} name="enterpriseId">
            <Select
              allowClear
              showSearch={{ optionFilterProp: 'label' }}
              options={enterprises.map((e) => ({ value: e.id, label: e.name }))}
            />
          </Form.Item>
          <Form.Item
            label={labels.hours}
            name="hours"
            rules={[
              {
                validator: (_, v?: number | null) =>
                  v === undefined ||
                  v === null ||
                  (v >= 0.1 && v <= 24 && Math.abs(Math.round(v * 10) - v * 10) < 1e-9)
                    ? Promise.resolve()
                    : Promise.reject(new Error(t('work.hoursRange'))),
              },
            ]}
          >
            <InputNumber style={{ width: '100%' }} step={0.5} />
          </Form.Item>
        </Form>
      </FormModal>
    </Card>
  );
}
