import { ArrowLeftOutlined, DownloadOutlined, EditOutlined } from '@ant-design/icons';
import {
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Descriptions,
  Form,
  Input,
  List,
  Result,
  Row,
  Space,
  Tag,
  Typography,
} from 'antd';
import dayjs, { Dayjs } from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { FormModal } from '../../shared/form-modal';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { AsyncView } from '../../shared/states';
import { StatusTag } from '../../shared/tags';
import { useAsync } from '../../shared/use-async';
import type { TicketStatus } from '../../api/types';
import { CloseDecisionButton, DecisionReports, DecisionTable } from './decision-list';
import { Meeting, meetingsApi, saveFile } from './meeting-api';
import {
  AgendaKindTag,
  AgendaSourceTag,
  DecisionDeadline,
  DecisionStatusTag,
  MeetingStatusTag,
  refName,
} from './meeting-words';

/** Time, place or title changed before the meeting is held. */
function EditMeetingButton({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ title: string; startsAt: Dayjs; place: string }>();
  const submit = async () => {
    setProblem(undefined);
    let v: { title: string; startsAt: Dayjs; place: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await meetingsApi.update(meeting.id, {
        expectedVersion: meeting.version,
        title: v.title.trim(),
        startsAt: v.startsAt.toDate().toISOString(),
        place: v.place.trim(),
      });
      message.success(t('common.saved'));
      setOpen(false);
      onDone();
    } catch (e) {
      const labels = {
        title: t('meeting.title'),
        startsAt: t('meeting.startsAt'),
        place: t('meeting.place'),
      };
      if (!applyFieldErrors(form, e, locale, t, labels)) setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button icon={<EditOutlined aria-hidden />} onClick={() => setOpen(true)}>
        {t('meeting.edit')}
      </Button>
      <FormModal
        open={open}
        title={t('meeting.edit')}
        onCancel={() => setOpen(false)}
        onOk={submit}
        busy={busy}
        problem={problem}
      >
        <Form
          form={form}
          layout="vertical"
          name="edit-meeting"
          initialValues={{ title: meeting.title, startsAt: dayjs(meeting.startsAt), place: meeting.place }}
        >
          <Form.Item
            name="title"
            label={t('meeting.title')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('meeting.title') }),
              },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
          <Form.Item
            name="startsAt"
            label={t('meeting.startsAt')}
            rules={[{ required: true, message: t('common.chooseField', { field: t('meeting.startsAt') }) }]}
          >
            <DatePicker showTime={{ format: 'HH:mm' }} format="YYYY-MM-DD HH:mm" style={{ width: '100%' }} />
          </Form.Item>
          <Form.Item
            name="place"
            label={t('meeting.place')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('meeting.place') }),
              },
            ]}
          >
            <Input maxLength={200} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}

/** Called off, with a reason; its tickets go back to the agenda candidates. */
function CancelMeetingButton({ meeting, onDone }: { meeting: Meeting; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ reason: string }>();
  const submit = async () => {
    setProblem(undefined);
    let v: { reason: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await meetingsApi.cancel(meeting.id, meeting.version, v.reason.trim());
      message.success(t('meeting.cancelled'));
      setOpen(false);
      onDone();
    } catch (e) {
      if (!applyFieldErrors(form, e, locale, t, { reason: t('field.reason') }))
        setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button danger onClick={() => setOpen(true)}>
        {t('meeting.cancel')}
      </Button>
      <FormModal
        open={open}
        title={`${t('meeting.cancel')} · ${meeting.title}`}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('common.submit')}
        busy={busy}
        problem={problem}
      >
        <Typography.Paragraph type="secondary">{t('meeting.cancelHint')}</Typography.Paragraph>
        <Form form={form} layout="vertical" name="cancel-meeting">
          <Form.Item
            name="reason"
            label={t('field.reason')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('field.reason') }),
              },
              { max: 2000, message: t('common.maxLength', { field: t('field.reason'), max: 2000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 6 }} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}

function MinutesButton({ meeting }: { meeting: Meeting }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState(false);
  return (
    <Button
      type="primary"
      icon={<DownloadOutlined aria-hidden />}
      loading={busy}
      data-testid="minutes-download"
      onClick={async () => {
        setBusy(true);
        try {
          await saveFile(await meetingsApi.minutes(meeting.id), `${t('meeting.minutes')}.docx`);
        } catch (e) {
          message.error(problemMessage(e, t));
        } finally {
          setBusy(false);
        }
      }}
    >
      {t('meeting.downloadMinutes')}
    </Button>
  );
}

/** The agenda as it stands: each item with where it came from, and for a follow-up what was reported. */
function Agenda({ meeting, onChanged }: { meeting: Meeting; onChanged: () => void }) {
  const { t } = useI18n();
  const user = useUser();
  const { departmentName } = useDirectory();
  const runs = user.role === 'committee' || user.role === 'admin';
  const decisionOf = new Map(meeting.decisionList.map((d) => [d.itemId, d]));
  return (
    <List
      dataSource={meeting.agenda}
      locale={{ emptyText: t('meeting.agendaNone') }}
      renderItem={(item, i) => {
        const decided = decisionOf.get(item.itemId);
        return (
          <List.Item key={item.itemId} data-item={item.itemId} style={{ display: 'block' }}>
            <Space wrap size={[8, 4]}>
              <Typography.Text strong>
                {i + 1}. {item.title}
              </Typography.Text>
              <AgendaKindTag item={item} />
              <AgendaSourceTag item={item} />
              {item.ticket && (
                <Link to={`/tickets/${item.ticket.id}`}>{item.ticket.number ?? t('decision.ticket')}</Link>
              )}
              {item.ticket?.status && <StatusTag status={item.ticket.status as TicketStatus} />}
            </Space>
            <div style={{ fontSize: 13, marginTop: 4 }}>
              {item.enterprise && (
                <span style={{ marginInlineEnd: 12 }}>
                  {t('tickets.enterprise')}：{item.enterprise.name ?? '—'}
                </span>
              )}
              {item.departments.length > 0 && (
                <span>
                  {t('meeting.concerns')}：
                  {item.departments.map((d) => refName(d, departmentName)).join('、')}
                </span>
              )}
            </div>
            {item.followUp && (
              <Card size="small" style={{ marginTop: 8, background: '#fafafa' }} data-testid="follow-up">
                <Space wrap size={[8, 4]}>
                  <Typography.Text>
                    {t('meeting.followUpOf', { meeting: item.followUp.meeting.title })}
                  </Typography.Text>
                  <DecisionStatusTag decision={item.followUp} />
                  <DecisionDeadline decision={item.followUp} />
                </Space>
                <div style={{ whiteSpace: 'pre-wrap', marginTop: 4 }}>{item.followUp.task}</div>
                <DecisionReports decision={item.followUp} />
                {runs && item.followUp.status !== 'closed' && meeting.status !== 'cancelled' && (
                  <CloseDecisionButton decision={item.followUp} meetingId={meeting.id} onDone={onChanged} />
                )}
              </Card>
            )}
            {decided && (
              <Typography.Paragraph style={{ margin: '6px 0 0' }} data-testid="item-decision">
                <Tag color="green">{t('meeting.decided')}</Tag>
                {decided.task}
              </Typography.Paragraph>
            )}
          </List.Item>
        );
      }}
    />
  );
}

/**
 * One joint meeting: when and where, who is invited, the agenda; once held, who attended, the
 * summary, the decisions with their clocks, and the minutes (.docx).
 */
export function MeetingPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { departmentName } = useDirectory();
  const state = useAsync(() => meetingsApi.get(id), [id]);
  const runs = user.role === 'committee' || user.role === 'admin';

  if (state.error instanceof ApiError && state.error.status === 404 && state.data === undefined)
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t('meeting.notFound')}</h1>}
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/meetings')}>
            {t('ticket.back')}
          </Button>
        }
      />
    );

  return (
    <AsyncView state={state}>
      {(m) => (
        <Space
          orientation="vertical"
          size={16}
          style={{ width: '100%' }}
          data-testid="meeting-page"
          data-status={m.status}
        >
          <Space wrap>
            <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate('/meetings')}>
              {t('ticket.back')}
            </Button>
            <h1 className="page-title">{m.title}</h1>
            <MeetingStatusTag status={m.status} />
          </Space>
          <Space wrap>
            {runs && m.status === 'scheduled' && (
              <>
                <Button
                  type="primary"
                  onClick={() => navigate(`/meetings/${m.id}/record`)}
                  data-testid="record-meeting"
                >
                  {t('meeting.record')}
                </Button>
                <EditMeetingButton meeting={m} onDone={state.reload} />
                <CancelMeetingButton meeting={m} onDone={state.reload} />
              </>
            )}
            {m.status === 'held' && <MinutesButton meeting={m} />}
          </Space>
          <Row gutter={[16, 16]}>
            <Col xs={24} lg={16}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Card size="small" title={t('meeting.agenda')} data-testid="agenda">
                  <Agenda meeting={m} onChanged={state.reload} />
                </Card>
                {m.status === 'held' && (
                  <Card size="small" title={t('meeting.summary')}>
                    <Typography.Paragraph
                      style={{ whiteSpace: 'pre-wrap', margin: 0 }}
                      data-testid="meeting-summary"
                    >
                      {m.summary}
                    </Typography.Paragraph>
                  </Card>
                )}
                {m.status === 'held' && (
                  <Card size="small" title={t('meeting.decisions', { n: m.decisionList.length })}>
                    <DecisionTable
                      testId="meeting-decisions"
                      rows={m.decisionList}
                      onChanged={state.reload}
                      // No meetingId: these decisions were made here, not heard here as follow-ups
                      // (the service refuses to name a meeting without the decision on its agenda).
                      showMeeting={false}
                      emptyText={t('meeting.noDecisions')}
                    />
                  </Card>
                )}
              </Space>
            </Col>
            <Col xs={24} lg={8}>
              <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                <Card size="small" title={t('meeting.basics')}>
                  <Descriptions
                    size="small"
                    column={1}
                    items={[
                      {
                        key: 'startsAt',
                        label: t('meeting.startsAt'),
                        children: formatDateTime(m.startsAt, locale),
                      },
                      ...(m.heldAt
                        ? [
                            {
                              key: 'heldAt',
                              label: t('meeting.heldAt'),
                              children: formatDateTime(m.heldAt, locale),
                            },
                          ]
                        : []),
                      { key: 'place', label: t('meeting.place'), children: m.place },
                      { key: 'convenor', label: t('meeting.convenor'), children: m.convenor.name ?? '—' },
                      ...(m.cancelReason
                        ? [{ key: 'cancel', label: t('meeting.cancelReason'), children: m.cancelReason }]
                        : []),
                    ]}
                  />
                </Card>
                <Card size="small" title={t('meeting.invitations')} data-testid="invitations">
                  <Typography.Text type="secondary">{t('meeting.inviteDepartments')}</Typography.Text>
                  <div style={{ margin: '4px 0 8px' }}>
                    {m.invitedDepartments.length
                      ? m.invitedDepartments.map((d) => <Tag key={d.id}>{refName(d, departmentName)}</Tag>)
                      : '—'}
                  </div>
                  <Typography.Text type="secondary">{t('meeting.inviteEnterprises')}</Typography.Text>
                  <div style={{ marginTop: 4 }}>
                    {m.invitedEnterprises.length
                      ? m.invitedEnterprises.map((e) => <Tag key={e.id}>{e.name ?? e.id.slice(0, 8)}</Tag>)
                      : '—'}
                  </div>
                </Card>
                {m.attendance && (
                  <Card size="small" title={t('meeting.attendance')} data-testid="attendance">
                    <Descriptions
                      size="small"
                      column={1}
                      items={[
                        {
                          key: 'd',
                          label: t('meeting.attendedDepartments'),
                          children:
                            m.attendance.departments.map((d) => refName(d, departmentName)).join('、') || '—',
                        },
                        {
                          key: 'e',
                          label: t('meeting.attendedEnterprises'),
                          children: m.attendance.enterprises.map((e) => e.name ?? '').join('、') || '—',
                        },
                        {
                          key: 'p',
                          label: t('meeting.people'),
                          children: m.attendance.people.join('、') || '—',
                        },
                      ]}
                    />
                  </Card>
                )}
              </Space>
            </Col>
          </Row>
        </Space>
      )}
    </AsyncView>
  );
}
