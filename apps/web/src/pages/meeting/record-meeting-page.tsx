import { ArrowLeftOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  DatePicker,
  Form,
  Input,
  InputNumber,
  Select,
  Space,
  Switch,
  Typography,
} from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { DepartmentSelect, EnterpriseSelect } from './directory-pickers';
import { AgendaItem, Meeting, meetingsApi } from './meeting-api';
import { AgendaKindTag, AgendaSourceTag, refName } from './meeting-words';

/** The deadline a joint meeting names when it names none (docs/domain.md: 10 working days). */
const DEFAULT_DUE_DAYS = 10;

interface DecisionValues {
  decide: boolean;
  task?: string;
  leadDepartmentId?: string;
  coHandlerDepartmentIds?: string[];
  dueWorkingDays?: number;
  cooperation?: boolean;
}

interface Values {
  heldAt: Dayjs;
  departmentIds: string[];
  enterpriseIds: string[];
  people: string[];
  summary: string;
  decisions: Record<string, DecisionValues>;
}

function DecisionFields({ item, index }: { item: AgendaItem; index: number }) {
  const { t } = useI18n();
  const form = Form.useFormInstance<Values>();
  const decide = Form.useWatch(['decisions', item.itemId, 'decide'], form);
  const lead = Form.useWatch(['decisions', item.itemId, 'leadDepartmentId'], form);
  const { departmentName } = useDirectory();
  const base = ['decisions', item.itemId];
  const switchId = `decide-${item.itemId}`;
  return (
    <Card
      size="small"
      data-testid="record-item"
      data-item={item.itemId}
      title={
        <Space wrap size={[8, 4]}>
          <span>
            {index + 1}. {item.title}
          </span>
          <AgendaKindTag item={item} />
          <AgendaSourceTag item={item} />
        </Space>
      }
      extra={
        item.ticket && (
          <Link to={`/tickets/${item.ticket.id}`} target="_blank">
            {item.ticket.number}
          </Link>
        )
      }
    >
      {item.departments.length > 0 && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0 }}>
          {t('meeting.concerns')}：{item.departments.map((d) => refName(d, departmentName)).join('、')}
        </Typography.Paragraph>
      )}
      {item.followUp && (
        <Typography.Paragraph type="secondary" style={{ marginTop: 0, whiteSpace: 'pre-wrap' }}>
          {t('meeting.followUpOf', { meeting: item.followUp.meeting.title })}：{item.followUp.task}
        </Typography.Paragraph>
      )}
      <Space align="center" style={{ marginBottom: decide ? 12 : 0 }}>
        <Form.Item name={[...base, 'decide']} valuePropName="checked" noStyle>
          <Switch id={switchId} />
        </Form.Item>
        <label htmlFor={switchId}>{t('meeting.makeDecision')}</label>
      </Space>
      {decide && (
        <>
          <Form.Item
            name={[...base, 'task']}
            label={t('decision.task')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('decision.task') }),
              },
              { max: 2000, message: t('common.maxLength', { field: t('decision.task'), max: 2000 }) },
            ]}
          >
            <Input.TextArea
              autoSize={{ minRows: 2, maxRows: 8 }}
              placeholder={t('decision.taskPlaceholder')}
            />
          </Form.Item>
          <Space wrap size={16} align="start" style={{ width: '100%' }}>
            <Form.Item
              name={[...base, 'leadDepartmentId']}
              label={t('ticket.leadDepartment')}
              style={{ minWidth: 220 }}
              rules={[
                { required: true, message: t('common.chooseField', { field: t('ticket.leadDepartment') }) },
              ]}
            >
              <DepartmentSelect />
            </Form.Item>
            <Form.Item
              name={[...base, 'coHandlerDepartmentIds']}
              label={t('ticket.coHandlers')}
              style={{ minWidth: 260 }}
            >
              <DepartmentSelect multiple exclude={lead ? [lead] : []} />
            </Form.Item>
            <Form.Item
              name={[...base, 'dueWorkingDays']}
              label={t('decision.dueWorkingDays')}
              rules={[
                {
                  required: true,
                  message: t('common.requiredField', { field: t('decision.dueWorkingDays') }),
                },
              ]}
            >
              <InputNumber
                min={1}
                max={3650}
                precision={0}
                suffix={t('field.workingDaysUnit')}
                style={{ width: 170 }}
              />
            </Form.Item>
          </Space>
          <Form.Item name={[...base, 'cooperation']} valuePropName="checked" style={{ marginBottom: 0 }}>
            <Checkbox>{t('decision.cooperationCheck')}</Checkbox>
          </Form.Item>
        </>
      )}
    </Card>
  );
}

function RecordForm({ meeting }: { meeting: Meeting }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<Values>();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const start = dayjs(meeting.startsAt);

  const initial: Values = {
    heldAt: start.isAfter(dayjs()) ? dayjs().second(0).millisecond(0) : start,
    departmentIds: meeting.invitedDepartments.map((d) => d.id),
    enterpriseIds: meeting.invitedEnterprises.map((e) => e.id),
    people: [],
    summary: '',
    decisions: Object.fromEntries(
      meeting.agenda.map((item) => [
        item.itemId,
        {
          // A follow-up is heard, not decided again, unless the committee says so.
          decide: item.kind !== 'follow_up',
          task: '',
          leadDepartmentId: item.followUp?.leadDepartment.id ?? item.departments[0]?.id,
          coHandlerDepartmentIds: item.followUp
            ? item.followUp.coHandlerDepartments.map((d) => d.id)
            : item.departments.slice(1).map((d) => d.id),
          dueWorkingDays: DEFAULT_DUE_DAYS,
          cooperation: false,
        },
      ]),
    ),
  };

  const submit = async () => {
    setProblem(undefined);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      setProblem(t('meeting.recordIncomplete'));
      return;
    }
    const decisions = meeting.agenda
      .map((item) => ({ item, d: v.decisions?.[item.itemId] }))
      .filter(({ d }) => d?.decide)
      .map(({ item, d }) => ({
        itemId: item.itemId,
        task: d!.task!.trim(),
        leadDepartmentId: d!.leadDepartmentId!,
        coHandlerDepartmentIds: (d!.coHandlerDepartmentIds ?? []).filter((x) => x !== d!.leadDepartmentId),
        dueWorkingDays: d!.dueWorkingDays ?? DEFAULT_DUE_DAYS,
        cooperation: !!d!.cooperation,
      }));
    setBusy(true);
    try {
      await meetingsApi.record(meeting.id, {
        expectedVersion: meeting.version,
        heldAt: v.heldAt.toDate().toISOString(),
        attendance: {
          departmentIds: v.departmentIds ?? [],
          enterpriseIds: v.enterpriseIds ?? [],
          people: v.people ?? [],
        },
        summary: v.summary.trim(),
        decisions,
      });
      message.success(t('meeting.recorded', { n: decisions.length }));
      navigate(`/meetings/${meeting.id}`, { replace: true });
    } catch (e) {
      // decisions.0.task → the control of that item's task.
      const labels: Record<string, string> = {
        heldAt: t('meeting.heldAt'),
        summary: t('meeting.summary'),
        'attendance.people': t('meeting.people'),
      };
      if (e instanceof ApiError)
        for (const f of e.fieldErrors) {
          const m = /^decisions\.(\d+)\.(\w+)$/.exec(f.field);
          if (!m) continue;
          const d = decisions[Number(m[1])];
          if (d) {
            form.setFields([{ name: ['decisions', d.itemId, m[2]] as never, errors: f.messages }]);
          }
        }
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values> form={form} layout="vertical" name="record-meeting" initialValues={initial}>
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('meeting.attendance')}>
          <Form.Item
            name="heldAt"
            label={t('meeting.heldAt')}
            rules={[
              { required: true, message: t('common.chooseField', { field: t('meeting.heldAt') }) },
              {
                validator: async (_: unknown, v: Dayjs | null) => {
                  if (v && v.isAfter(dayjs())) throw new Error(t('meeting.heldAtFuture'));
                },
              },
            ]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 200 }} />
          </Form.Item>
          <Form.Item name="departmentIds" label={t('meeting.attendedDepartments')}>
            <DepartmentSelect multiple />
          </Form.Item>
          <Form.Item name="enterpriseIds" label={t('meeting.attendedEnterprises')}>
            <EnterpriseSelect initial={meeting.invitedEnterprises} />
          </Form.Item>
          <Form.Item name="people" label={t('meeting.people')} extra={t('meeting.peopleHelp')}>
            <Select mode="tags" open={false} suffixIcon={null} tokenSeparators={['，', ',', '、']} />
          </Form.Item>
          <Form.Item
            name="summary"
            label={t('meeting.summary')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('meeting.summary') }),
              },
              { max: 5000, message: t('common.maxLength', { field: t('meeting.summary'), max: 5000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 12 }} count={{ show: true, max: 5000 }} />
          </Form.Item>
        </Card>
        <Typography.Title level={2} style={{ fontSize: 16, margin: 0 }}>
          {t('meeting.decisionsPerItem')}
        </Typography.Title>
        <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
          {t('meeting.decisionsPerItemIntro')}
        </Typography.Paragraph>
        {meeting.agenda.map((item, i) => (
          <DecisionFields key={item.itemId} item={item} index={i} />
        ))}
        {problem && (
          <Alert type="error" showIcon title={problem} role="alert" style={{ whiteSpace: 'pre-line' }} />
        )}
        <Space wrap>
          <Button type="primary" onClick={submit} loading={busy} data-testid="record-submit">
            {t('meeting.recordSubmit')}
          </Button>
          <Button onClick={() => navigate(`/meetings/${meeting.id}`)}>{t('common.cancel')}</Button>
        </Space>
      </Space>
    </Form>
  );
}

/** 记录会议: attendance, the summary, and a decision (议定事项) per decided agenda item. */
export function RecordMeetingPage() {
  const { id = '' } = useParams();
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = useAsync(() => meetingsApi.get(id), [id]);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="record-meeting-page">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(`/meetings/${id}`)}>
          {t('ticket.back')}
        </Button>
        <h1 className="page-title">
          {t('meeting.record')}
          {state.data ? ` · ${state.data.title}` : ''}
        </h1>
      </Space>
      <AsyncView state={state}>
        {(m) =>
          m.status === 'scheduled' ? (
            <RecordForm meeting={m} />
          ) : (
            <Alert type="info" showIcon title={t('meeting.notScheduled')} />
          )
        }
      </AsyncView>
    </Space>
  );
}
