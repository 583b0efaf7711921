import { ArrowLeftOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import {
  Alert,
  App,
  Button,
  Card,
  DatePicker,
  Form,
  Input,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { newIdempotencyKey } from '../../api/client';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { useAsync } from '../../shared/use-async';
import { DepartmentSelect, EnterpriseSelect } from './directory-pickers';
import { AgendaItemInput, Candidate, Candidates, meetingsApi } from './meeting-api';
import { refName } from './meeting-words';
import { TicketPicker } from './ticket-picker';

interface Values {
  title: string;
  startsAt: Dayjs;
  place: string;
  followUps: boolean;
  ticketIds?: string[];
  topics?: { title?: string; departmentIds?: string[] }[];
  invitedDepartmentIds?: string[];
  invitedEnterpriseIds?: string[];
}

/** The next working morning at 9:30 (a meeting is called ahead; the time is the committee's to change). */
function nextMorning(): Dayjs {
  let d = dayjs().add(1, 'day').hour(9).minute(30).second(0).millisecond(0);
  while (d.day() === 0 || d.day() === 6) d = d.add(1, 'day');
  return d;
}

function ScheduleForm({ candidates }: { candidates: Candidates }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const { departmentName } = useDirectory();
  const [form] = Form.useForm<Values>();
  const [chosen, setChosen] = useState<string[]>(candidates.tickets.map((c) => c.ticketId));
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  // One key per form: a retry after a lost answer names the same meeting.
  const key = useRef(newIdempotencyKey());
  const followUps = Form.useWatch('followUps', form);
  const extra = Form.useWatch('ticketIds', form);
  const topics = Form.useWatch('topics', form);

  // The departments and enterprises the chosen candidates concern are invited with them.
  const invitedWithAgenda = useMemo(() => {
    const picked = candidates.tickets.filter((c) => chosen.includes(c.ticketId));
    const deps = new Map<string, string>();
    const ents = new Map<string, string>();
    for (const c of picked) {
      if (c.leadDepartment) deps.set(c.leadDepartment.id, refName(c.leadDepartment, departmentName));
      c.coHandlerDepartments.forEach((d) => deps.set(d.id, refName(d, departmentName)));
      if (c.enterprise) ents.set(c.enterprise.id, c.enterprise.name ?? '');
    }
    if (followUps)
      candidates.followUps.forEach((f) =>
        deps.set(f.leadDepartment.id, refName(f.leadDepartment, departmentName)),
      );
    (topics ?? []).forEach((x) => (x?.departmentIds ?? []).forEach((d) => deps.set(d, departmentName(d))));
    return { departments: [...deps.values()], enterprises: [...ents.values()] };
  }, [chosen, candidates, followUps, topics, departmentName]);

  const itemCount =
    chosen.length +
    (extra?.length ?? 0) +
    (topics ?? []).filter((x) => x?.title?.trim()).length +
    (followUps ? candidates.followUps.length : 0);

  const submit = async () => {
    setProblem(undefined);
    let v: Values;
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    const items: AgendaItemInput[] = [
      ...chosen.map((ticketId) => ({ kind: 'ticket' as const, ticketId })),
      ...(v.ticketIds ?? [])
        .filter((id) => !chosen.includes(id))
        .map((ticketId) => ({ kind: 'ticket' as const, ticketId })),
      ...(v.topics ?? [])
        .filter((x) => x?.title?.trim())
        .map((x) => ({
          kind: 'topic' as const,
          title: x.title!.trim(),
          departmentIds: x.departmentIds ?? [],
        })),
    ];
    if (!items.length && !(v.followUps && candidates.followUps.length)) {
      setProblem(t('meeting.agendaEmpty'));
      return;
    }
    setBusy(true);
    try {
      const res = await meetingsApi.schedule(
        {
          title: v.title.trim(),
          startsAt: v.startsAt.toDate().toISOString(),
          place: v.place.trim(),
          items,
          invitedDepartmentIds: v.invitedDepartmentIds ?? [],
          invitedEnterpriseIds: v.invitedEnterpriseIds ?? [],
          followUps: v.followUps,
        },
        key.current,
      );
      message.success(t('meeting.scheduled'));
      navigate(`/meetings/${res.id}`, { replace: true });
    } catch (e) {
      const labels = {
        title: t('meeting.title'),
        startsAt: t('meeting.startsAt'),
        place: t('meeting.place'),
        invitedDepartmentIds: t('meeting.inviteDepartments'),
        invitedEnterpriseIds: t('meeting.inviteEnterprises'),
      };
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      name="schedule-meeting"
      initialValues={{
        title: t('meeting.defaultTitle', {
          month: dayjs().format(locale === 'en' ? 'MMMM YYYY' : 'YYYY年M月'),
        }),
        startsAt: nextMorning(),
        place: t('meeting.defaultPlace'),
        followUps: true,
        topics: [],
      }}
    >
      <Space orientation="vertical" size={16} style={{ width: '100%' }}>
        <Card size="small" title={t('meeting.basics')}>
          <Form.Item
            name="title"
            label={t('meeting.title')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('meeting.title') }),
              },
              { max: 200, message: t('common.maxLength', { field: t('meeting.title'), max: 200 }) },
            ]}
          >
            <Input />
          </Form.Item>
          <Space wrap size={16} align="start">
            <Form.Item
              name="startsAt"
              label={t('meeting.startsAt')}
              rules={[{ required: true, message: t('common.chooseField', { field: t('meeting.startsAt') }) }]}
            >
              <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: 200 }} />
            </Form.Item>
            <Form.Item
              name="place"
              label={t('meeting.place')}
              style={{ minWidth: 260 }}
              rules={[
                {
                  required: true,
                  whitespace: true,
                  message: t('common.requiredField', { field: t('meeting.place') }),
                },
                { max: 200, message: t('common.maxLength', { field: t('meeting.place'), max: 200 }) },
              ]}
            >
              <Input />
            </Form.Item>
          </Space>
        </Card>

        <Card
          size="small"
          title={t('meeting.fromAgenda', { n: candidates.tickets.length })}
          data-testid="schedule-candidates"
        >
          <Typography.Paragraph type="secondary">{t('meeting.fromAgendaIntro')}</Typography.Paragraph>
          <Table<Candidate>
            rowKey="ticketId"
            size="small"
            pagination={false}
            scroll={candidates.tickets.length ? { x: 640 } : undefined}
            dataSource={candidates.tickets}
            rowSelection={{
              selectedRowKeys: chosen,
              // A title, not a select-all box: the table's hidden measuring row would copy a focusable box.
              columnTitle: t('meeting.takeUpShort'),
              columnWidth: 56,
              onChange: (keys) => setChosen(keys as string[]),
              getCheckboxProps: (r) => ({ 'aria-label': `${t('meeting.takeUp')} ${r.number ?? ''}` }),
            }}
            locale={{
              emptyText: <Typography.Text type="secondary">{t('meeting.noCandidates')}</Typography.Text>,
            }}
            columns={[
              {
                key: 'number',
                title: t('tickets.number'),
                width: 140,
                render: (_, r) => (
                  <Link to={`/tickets/${r.ticketId}`} target="_blank">
                    {r.number ?? '—'}
                  </Link>
                ),
              },
              { key: 'title', title: t('tickets.title'), render: (_, r) => r.title ?? '—' },
              {
                key: 'enterprise',
                title: t('tickets.enterprise'),
                width: 180,
                render: (_, r) => r.enterprise?.name ?? '—',
              },
              {
                key: 'reason',
                title: t('meeting.candidateReason'),
                width: 150,
                render: (_, r) => (
                  <>
                    <Tag color={r.reason === 'escalation' ? 'red' : 'volcano'}>
                      {t(`meeting.reason.${r.reason}`)}
                    </Tag>
                    <div style={{ fontSize: 12 }}>{formatDateTime(r.raisedAt, locale)}</div>
                  </>
                ),
              },
            ]}
          />
        </Card>

        <Card size="small" title={t('meeting.followUps', { n: candidates.followUps.length })}>
          <Space align="center">
            <Form.Item name="followUps" valuePropName="checked" noStyle>
              <Switch id="schedule-follow-ups" disabled={!candidates.followUps.length} />
            </Form.Item>
            <label htmlFor="schedule-follow-ups">{t('meeting.followUpsSwitch')}</label>
          </Space>
          {candidates.followUps.length > 0 && (
            <ul style={{ margin: '8px 0 0', paddingInlineStart: 20 }}>
              {candidates.followUps.map((f) => (
                <li key={f.decisionId}>
                  {f.title}（{refName(f.leadDepartment, departmentName)} · {f.meeting.name ?? ''}）
                </li>
              ))}
            </ul>
          )}
        </Card>

        <Card size="small" title={t('meeting.byHand')}>
          <Form.Item name="ticketIds" label={t('meeting.addTickets')} extra={t('meeting.addTicketsHelp')}>
            <TicketPicker multiple exclude={chosen} />
          </Form.Item>
          <Form.List name="topics">
            {(fields, { add, remove }) => (
              <Space orientation="vertical" style={{ width: '100%' }}>
                {fields.map((f, i) => (
                  <Space key={f.key} align="start" wrap style={{ width: '100%' }} data-testid="topic-row">
                    <Form.Item
                      name={[f.name, 'title']}
                      label={t('meeting.topicTitle', { n: i + 1 })}
                      style={{ minWidth: 260 }}
                      rules={[
                        {
                          required: true,
                          whitespace: true,
                          message: t('common.requiredField', { field: t('meeting.topic') }),
                        },
                        { max: 200, message: t('common.maxLength', { field: t('meeting.topic'), max: 200 }) },
                      ]}
                    >
                      <Input />
                    </Form.Item>
                    <Form.Item
                      name={[f.name, 'departmentIds']}
                      label={t('meeting.topicDepartments')}
                      style={{ minWidth: 260 }}
                    >
                      <DepartmentSelect multiple />
                    </Form.Item>
                    <Button
                      icon={<DeleteOutlined aria-hidden />}
                      aria-label={t('meeting.removeTopic', { n: i + 1 })}
                      onClick={() => remove(f.name)}
                      style={{ marginTop: 30 }}
                    />
                  </Space>
                ))}
                <Button
                  icon={<PlusOutlined aria-hidden />}
                  onClick={() => add({ title: '', departmentIds: [] })}
                >
                  {t('meeting.addTopic')}
                </Button>
              </Space>
            )}
          </Form.List>
        </Card>

        <Card size="small" title={t('meeting.invitations')}>
          <Typography.Paragraph type="secondary" data-testid="invited-with-agenda">
            {invitedWithAgenda.departments.length || invitedWithAgenda.enterprises.length
              ? t('meeting.invitedWithAgenda', {
                  names: [...invitedWithAgenda.departments, ...invitedWithAgenda.enterprises].join('、'),
                })
              : t('meeting.invitedWithAgendaNone')}
          </Typography.Paragraph>
          <Form.Item name="invitedDepartmentIds" label={t('meeting.inviteDepartments')}>
            <DepartmentSelect multiple />
          </Form.Item>
          <Form.Item name="invitedEnterpriseIds" label={t('meeting.inviteEnterprises')}>
            <EnterpriseSelect />
          </Form.Item>
        </Card>

        {problem && (
          <Alert type="error" showIcon title={problem} role="alert" style={{ whiteSpace: 'pre-line' }} />
        )}
        <Space wrap>
          <Button type="primary" onClick={submit} loading={busy} data-testid="schedule-submit">
            {t('meeting.scheduleSubmit', { n: itemCount })}
          </Button>
          <Button onClick={() => navigate('/meetings')}>{t('common.cancel')}</Button>
        </Space>
      </Space>
    </Form>
  );
}

/** 安排联席会议: time and place, the agenda from the escalation ladder plus tickets and topics by hand, invitations. */
export function ScheduleMeetingPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const state = useAsync(() => meetingsApi.candidates(), []);
  // Braces: Chromium's scrollTo may return a promise, which React would take for a clean-up function.
  useEffect(() => {
    window.scrollTo(0, 0);
  }, []);
  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }} data-testid="schedule-meeting">
      <Space wrap>
        <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/meetings')}>
          {t('ticket.back')}
        </Button>
        <h1 className="page-title">{t('meeting.schedule')}</h1>
      </Space>
      <AsyncView state={state}>{(c) => <ScheduleForm candidates={c} />}</AsyncView>
    </Space>
  );
}
