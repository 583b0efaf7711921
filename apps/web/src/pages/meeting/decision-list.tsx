import { App, Button, Form, Grid, Input, Radio, Space, Table, Tag, Timeline, Typography } from 'antd';
import { HTMLAttributes, useMemo, useState } from 'react';
import { Link } from 'react-router-dom';
import { ApiError } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { FormModal } from '../../shared/form-modal';
import { applyFieldErrors, problemMessage } from '../../shared/problems';
import { Decision, DecisionOutcome, DecisionProgress, meetingsApi } from './meeting-api';
import { DecisionDeadline, DecisionStatusTag, refName } from './meeting-words';

/** The lead or a co-handler reports progress (办理情况); the lead's 办结 stops the decision's clock. */
export function ReportDecisionButton({ decision, onDone }: { decision: Decision; onDone: () => void }) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ progress: DecisionProgress; report: string }>();
  const lead = decision.myRole === 'lead';
  const submit = async () => {
    setProblem(undefined);
    let v: { progress: DecisionProgress; report: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await meetingsApi.report(decision.id, {
        expectedVersion: decision.version,
        progress: v.progress,
        report: v.report.trim(),
      });
      message.success(t('decision.reported'));
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.status === 409) {
        message.warning(t('decision.conflict'));
        setOpen(false);
        onDone();
      } else if (
        !applyFieldErrors(form, e, locale, t, {
          progress: t('decision.progress'),
          report: t('decision.report'),
        })
      )
        setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" type="primary" onClick={() => setOpen(true)} data-action="report-decision">
        {t('decision.reportAction')}
      </Button>
      <FormModal
        open={open}
        title={`${t('decision.reportAction')} · ${decision.title}`}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('common.submit')}
        busy={busy}
        problem={problem}
      >
        <Typography.Paragraph type="secondary" style={{ whiteSpace: 'pre-wrap' }}>
          {decision.task}
        </Typography.Paragraph>
        <Form
          form={form}
          layout="vertical"
          name={`report-${decision.id}`}
          initialValues={{ progress: 'in_progress' }}
        >
          <Form.Item name="progress" label={t('decision.progress')} rules={[{ required: true }]}>
            <Radio.Group
              options={[
                { value: 'in_progress', label: t('decision.progress.in_progress') },
                { value: 'done', label: t(lead ? 'decision.progress.done' : 'decision.progress.partDone') },
              ]}
            />
          </Form.Item>
          <Form.Item
            name="report"
            label={t('decision.report')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('decision.report') }),
              },
              { max: 2000, message: t('common.maxLength', { field: t('decision.report'), max: 2000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 3, maxRows: 10 }} count={{ show: true, max: 2000 }} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}

/** The committee closes a decision once its outcome was heard: 已解决 / 未解决 / 撤销. */
export function CloseDecisionButton({
  decision,
  meetingId,
  onDone,
}: {
  decision: Decision;
  /** The meeting where the outcome was heard (the follow-up item's meeting). */
  meetingId?: string;
  onDone: () => void;
}) {
  const { t, locale } = useI18n();
  const { message } = App.useApp();
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string>();
  const [form] = Form.useForm<{ outcome: DecisionOutcome; note: string }>();
  const submit = async () => {
    setProblem(undefined);
    let v: { outcome: DecisionOutcome; note: string };
    try {
      v = await form.validateFields();
    } catch {
      return;
    }
    setBusy(true);
    try {
      await meetingsApi.close(decision.id, {
        expectedVersion: decision.version,
        outcome: v.outcome,
        note: v.note.trim(),
        meetingId,
      });
      message.success(t('decision.closed'));
      setOpen(false);
      form.resetFields();
      onDone();
    } catch (e) {
      if (e instanceof ApiError && e.code === 'versionConflict') {
        message.warning(t('decision.conflict'));
        setOpen(false);
        onDone();
      } else if (
        !applyFieldErrors(form, e, locale, t, {
          outcome: t('decision.outcome'),
          note: t('decision.closeNote'),
        })
      )
        setProblem(problemMessage(e, t));
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      <Button size="small" onClick={() => setOpen(true)} data-action="close-decision">
        {t('decision.closeAction')}
      </Button>
      <FormModal
        open={open}
        title={`${t('decision.closeAction')} · ${decision.title}`}
        onCancel={() => setOpen(false)}
        onOk={submit}
        okText={t('common.submit')}
        busy={busy}
        problem={problem}
      >
        <Form
          form={form}
          layout="vertical"
          name={`close-${decision.id}`}
          initialValues={{ outcome: 'solved' }}
        >
          <Form.Item name="outcome" label={t('decision.outcome')} rules={[{ required: true }]}>
            <Radio.Group
              options={(['solved', 'unsolved', 'withdrawn'] as const).map((o) => ({
                value: o,
                label: t(`decision.outcome.${o}`),
              }))}
            />
          </Form.Item>
          <Form.Item
            name="note"
            label={t('decision.closeNote')}
            rules={[
              {
                required: true,
                whitespace: true,
                message: t('common.requiredField', { field: t('decision.closeNote') }),
              },
              { max: 2000, message: t('common.maxLength', { field: t('decision.closeNote'), max: 2000 }) },
            ]}
          >
            <Input.TextArea autoSize={{ minRows: 2, maxRows: 8 }} count={{ show: true, max: 2000 }} />
          </Form.Item>
        </Form>
      </FormModal>
    </>
  );
}

/** What the caller may do to a decision now: report (its departments), close (the committee). */
function DecisionActions({
  decision,
  meetingId,
  onChanged,
}: {
  decision: Decision;
  meetingId?: string;
  onChanged: () => void;
}) {
  const user = useUser();
  const canReport =
    user.role === 'department' &&
    decision.myRole !== null &&
    decision.status !== 'closed' &&
    !(decision.myRole === 'lead' && decision.status === 'done');
  const canClose = (user.role === 'committee' || user.role === 'admin') && decision.status !== 'closed';
  if (!canReport && !canClose) return null;
  return (
    <Space wrap size={4}>
      {canReport && <ReportDecisionButton decision={decision} onDone={onChanged} />}
      {canClose && <CloseDecisionButton decision={decision} meetingId={meetingId} onDone={onChanged} />}
    </Space>
  );
}

/** The reports on a decision, oldest first, and how the committee closed it. */
export function DecisionReports({ decision }: { decision: Decision }) {
  const { t, locale } = useI18n();
  const { departmentName } = useDirectory();
  const items = decision.reports.map((r, i) => ({
    key: `${i}`,
    color: r.progress === 'done' ? 'green' : 'blue',
    content: (
      <div>
        <Typography.Text strong>
          {refName(r.department, departmentName)}（
          {t(r.role === 'lead' ? 'tickets.lead' : 'tickets.coHandler')}）·{' '}
          {t(`decision.progress.${r.progress}` as MessageKey)}
        </Typography.Text>
        <div style={{ whiteSpace: 'pre-wrap' }}>{r.report}</div>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {formatDateTime(r.at, locale)}
        </Typography.Text>
      </div>
    ),
  }));
  if (decision.status === 'closed')
    items.push({
      key: 'closed',
      color: 'gray',
      content: (
        <div>
          <Typography.Text strong>
            {t('decision.closedBy')} · {t(`decision.outcome.${decision.outcome ?? 'solved'}` as MessageKey)}
          </Typography.Text>
          {decision.closeNote && <div style={{ whiteSpace: 'pre-wrap' }}>{decision.closeNote}</div>}
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {formatDateTime(decision.closedAt, locale)}
          </Typography.Text>
        </div>
      ),
    });
  if (!items.length) return <Typography.Text type="secondary">{t('decision.noReports')}</Typography.Text>;
  return <Timeline items={items} style={{ marginTop: 8 }} />;
}

/** One decision whole: for a phone, and for the ticket page where only a few are shown. */
export function DecisionCard({
  decision,
  meetingId,
  onChanged,
  showMeeting = true,
}: {
  decision: Decision;
  meetingId?: string;
  onChanged: () => void;
  showMeeting?: boolean;
}) {
  const { t, locale } = useI18n();
  const user = useUser();
  const { departmentName } = useDirectory();
  return (
    <div
      data-decision={decision.id}
      role="listitem"
      className={decision.flag === 'red' ? 'row-red' : decision.flag === 'yellow' ? 'row-yellow' : ''}
      style={{ padding: '12px 4px', borderBottom: '1px solid #f0f0f0' }}
    >
      <Space style={{ width: '100%', justifyContent: 'space-between' }} wrap>
        <Typography.Text strong>{decision.title}</Typography.Text>
        <Space size={4}>
          {decision.cooperation && <Tag color="gold">{t('decision.cooperation')}</Tag>}
          <DecisionStatusTag decision={decision} />
        </Space>
      </Space>
      <div style={{ whiteSpace: 'pre-wrap', margin: '4px 0' }}>{decision.task}</div>
      <Space size={[12, 4]} wrap style={{ fontSize: 13 }}>
        <span>
          {t('ticket.leadDepartment')}：{refName(decision.leadDepartment, departmentName)}
        </span>
        {decision.coHandlerDepartments.length > 0 && (
          <span>
            {t('ticket.coHandlers')}：
            {decision.coHandlerDepartments.map((d) => refName(d, departmentName)).join('、')}
          </span>
        )}
        {decision.ticket && (
          <Link to={`/tickets/${decision.ticket.id}`}>{decision.ticket.number ?? t('decision.ticket')}</Link>
        )}
        {showMeeting &&
          // An enterprise reads the decisions on its tickets, not the meetings (they are the committee's).
          (user.role === 'enterprise' ? (
            <span>
              {decision.meeting.title}
              {decision.meeting.heldAt ? `（${formatDateTime(decision.meeting.heldAt, locale)}）` : ''}
            </span>
          ) : (
            <Link to={`/meetings/${decision.meeting.id}`}>
              {decision.meeting.title}
              {decision.meeting.heldAt ? `（${formatDateTime(decision.meeting.heldAt, locale)}）` : ''}
            </Link>
          ))}
      </Space>
      <div style={{ marginTop: 4 }}>
        <DecisionDeadline decision={decision} />
      </div>
      <div style={{ marginTop: 4 }}>
        <DecisionReports decision={decision} />
      </div>
      <div style={{ marginTop: 8 }}>
        <DecisionActions decision={decision} meetingId={meetingId} onChanged={onChanged} />
      </div>
    </div>
  );
}

/**
 * Decisions as a department's queue or the committee's list: what, who leads, by when (the SLA
 * engine's deadline with 黄牌 / 红牌), where it stands; the reports open under each row.
 */
export function DecisionTable({
  rows,
  loading,
  onChanged,
  meetingId,
  showMeeting = true,
  showRole = false,
  emptyText,
  testId,
}: {
  rows: Decision[];
  loading?: boolean;
  onChanged: () => void;
  meetingId?: string;
  showMeeting?: boolean;
  showRole?: boolean;
  emptyText?: string;
  testId?: string;
}) {
  const { t, locale } = useI18n();
  const { departmentName } = useDirectory();
  const narrow = !Grid.useBreakpoint().md;
  const columns = useMemo(
    () => [
      {
        key: 'title',
        title: t('decision.title'),
        render: (_: unknown, d: Decision) => (
          <Space orientation="vertical" size={0}>
            <Typography.Text strong>{d.title}</Typography.Text>
            <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
              {d.task}
            </Typography.Text>
            {d.ticket && <Link to={`/tickets/${d.ticket.id}`}>{d.ticket.number}</Link>}
          </Space>
        ),
      },
      ...(showMeeting
        ? [
            {
              key: 'meeting',
              title: t('decision.meeting'),
              width: 170,
              render: (_: unknown, d: Decision) => (
                <Link to={`/meetings/${d.meeting.id}`}>
                  {d.meeting.title}
                  <br />
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatDateTime(d.meeting.heldAt ?? d.decidedAt, locale)}
                  </Typography.Text>
                </Link>
              ),
            },
          ]
        : []),
      {
        key: 'departments',
        title: t('decision.departments'),
        width: 170,
        render: (_: unknown, d: Decision) => (
          <span>
            {refName(d.leadDepartment, departmentName)}
            <Typography.Text type="secondary">（{t('tickets.lead')}）</Typography.Text>
            {d.coHandlerDepartments.map((c) => (
              <div key={c.id}>
                {refName(c, departmentName)}
                <Typography.Text type="secondary">（{t('tickets.coHandler')}）</Typography.Text>
              </div>
            ))}
          </span>
        ),
      },
      ...(showRole
        ? [
            {
              key: 'role',
              title: t('tickets.role'),
              width: 60,
              render: (_: unknown, d: Decision) =>
                d.myRole ? t(d.myRole === 'lead' ? 'tickets.lead' : 'tickets.coHandler') : '—',
            },
          ]
        : []),
      {
        key: 'deadline',
        title: t('decision.deadline'),
        width: 150,
        render: (_: unknown, d: Decision) => <DecisionDeadline decision={d} />,
      },
      {
        key: 'status',
        title: t('tickets.status'),
        width: 110,
        render: (_: unknown, d: Decision) => (
          <Space orientation="vertical" size={2}>
            <DecisionStatusTag decision={d} />
            {d.cooperation && <Tag color="gold">{t('decision.cooperation')}</Tag>}
          </Space>
        ),
      },
      {
        key: 'actions',
        title: t('common.actions'),
        width: 120,
        render: (_: unknown, d: Decision) => (
          <DecisionActions decision={d} meetingId={meetingId} onChanged={onChanged} />
        ),
      },
    ],
    [t, locale, departmentName, showMeeting, showRole, meetingId, onChanged],
  );
  if (narrow)
    return (
      <div role={rows.length ? 'list' : undefined} data-testid={testId}>
        {!rows.length && !loading && (
          <Typography.Text type="secondary">{emptyText ?? t('common.empty')}</Typography.Text>
        )}
        {rows.map((d) => (
          <DecisionCard
            key={d.id}
            decision={d}
            meetingId={meetingId}
            onChanged={onChanged}
            showMeeting={showMeeting}
          />
        ))}
      </div>
    );
  return (
    <Table<Decision>
      data-testid={testId}
      rowKey="id"
      size="small"
      loading={loading}
      dataSource={rows}
      pagination={false}
      columns={columns}
      scroll={rows.length ? { x: 760 } : undefined}
      rowClassName={(d) => (d.flag === 'red' ? 'row-red' : d.flag === 'yellow' ? 'row-yellow' : '')}
      onRow={(d) => ({ 'data-decision': d.id }) as HTMLAttributes<HTMLElement>}
      expandable={{
        expandedRowRender: (d) => <DecisionReports decision={d} />,
        rowExpandable: () => true,
        expandRowByClick: false,
      }}
      locale={{
        emptyText: <Typography.Text type="secondary">{emptyText ?? t('common.empty')}</Typography.Text>,
      }}
    />
  );
}
