import { ArrowLeftOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, Descriptions, Result, Row, Space, Tag, Typography } from 'antd';
import { useParams, useNavigate } from 'react-router-dom';
import { api, ApiError } from '../../api/client';
import type { TicketDetail } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { Countdown, formatDateTime, formatDay } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';
import { AsyncView } from '../../shared/states';
import { FlagBadge, StatusTag, UrgencyTag } from '../../shared/tags';
import { useAsync } from '../../shared/use-async';
import { AttachmentList } from './attachment-list';
import { FeedbackForm } from './feedback-form';
import { TicketActions } from './ticket-actions';
import { TicketTimeline } from './ticket-timeline';
import { FromVisit } from './from-visit';
import { TicketDecisions } from '../meeting/ticket-decisions';
import { ConversationCard } from './desk/conversation-card';
import type { DeskTicket } from './desk/desk-api';
import { DeskPanel, PausedTag } from './desk/desk-panel';

/** The channels by which committee staff log an enterprise's problem (the intake page's choices). */
const STAFF_CHANNELS = ['phone', 'walk_in', 'group_chat', 'letter'];

const DEADLINE_KINDS = ['triage', 'respond', 'resolve', 'reply', 'feedback'] as const;

function Deadlines({ ticket }: { ticket: TicketDetail }) {
  const { t, locale } = useI18n();
  const open = !['closed', 'withdrawn'].includes(ticket.status);
  const rows = DEADLINE_KINDS.filter((k) => ticket.deadlines[k]);
  if (!rows.length) return <Typography.Text type="secondary">{t('deadline.none')}</Typography.Text>;
  return (
    <Descriptions
      size="small"
      column={1}
      items={rows.map((k) => ({
        key: k,
        label: t(`dueKind.${k}`),
        // The time left, and the moment itself: an extension moves the moment, which is what people compare.
        children: (
          <span data-testid={`deadline-${k}`} data-due={ticket.deadlines[k]}>
            {open && (
              <>
                <Countdown dueAt={ticket.deadlines[k]} flag={ticket.deadlines.flags[k] ?? null} />
                <PausedTag reason={(ticket as DeskTicket).deadlines.paused?.[k]} />
                <br />
              </>
            )}
            <Typography.Text type={open ? 'secondary' : undefined}>
              {open
                ? t('deadline.dueAt', { at: formatDateTime(ticket.deadlines[k], locale) })
                : formatDateTime(ticket.deadlines[k], locale)}
            </Typography.Text>
          </span>
        ),
      }))}
    />
  );
}

/**
 * What the enterprise is promised, in its own words: the day it will get an answer (the reply
 * deadline, once a department has taken the ticket up; before that, when it will be taken up), and
 * what happens next at this status. The clocks the departments race are not the enterprise's concern.
 */
function PromiseCard({ ticket }: { ticket: TicketDetail }) {
  const { t, locale } = useI18n();
  const { departmentName } = useDirectory();
  const d = ticket.deadlines;
  const department = ticket.leadDepartment
    ? (ticket.leadDepartment.name ?? departmentName(ticket.leadDepartment.id))
    : '—';
  const replied = ticket.timeline.some((s) => s.action === 'reply');
  const day = (iso: string) => formatDay(iso, locale);
  let promise: string | null = null;
  if (
    ['in_progress', 'transfer_requested'].includes(ticket.status) ||
    (ticket.status === 'reopened' && d.reply)
  )
    promise = d.reply ? t('promise.reply', { date: day(d.reply) }) : replied ? t('promise.replied') : null;
  else if (['assigned', 'reopened'].includes(ticket.status) && d.respond)
    promise = t('promise.acknowledge', { department, date: day(d.respond) });
  else if (['submitted', 'triage'].includes(ticket.status) && d.triage)
    promise = t('promise.assign', { date: day(d.triage) });
  else if (ticket.status === 'resolved' && ticket.repliedThisRound && d.feedback)
    promise = t('promise.feedbackBy', { date: day(d.feedback) });
  else if (ticket.status === 'resolved') promise = replied ? t('promise.replied') : null;
  const next =
    ticket.status === 'resolved'
      ? t(ticket.repliedThisRound ? 'next.resolved' : 'next.resolvedWaiting')
      : ticket.status === 'closed'
        ? t(ticket.feedback ? 'next.closed' : 'next.closedNoFeedback')
        : t(`next.${ticket.status}` as never, { department });
  return (
    <Card size="small" title={t('promise.title')} data-testid="promise">
      {promise && (
        <div data-testid="promise-date" style={{ fontSize: 18, fontWeight: 600, marginBottom: 4 }}>
          {promise}
        </div>
      )}
      <Typography.Paragraph style={{ margin: 0 }} data-testid="next-step">
        {next}
      </Typography.Paragraph>
    </Card>
  );
}

export function TicketPage() {
  const { id = '' } = useParams();
  const { t, locale } = useI18n();
  const user = useUser();
  const navigate = useNavigate();
  const { categoryName, departmentName } = useDirectory();
  const state = useAsync(() => api<TicketDetail>(`/api/v1/tickets/${encodeURIComponent(id)}`), [id]);

  // A ticket the user may not see (never theirs, or handed on to another department) does not exist for them.
  if (state.error instanceof ApiError && state.error.status === 404 && state.data === undefined)
    return (
      <Result
        status="404"
        title={<h1 className="page-title">{t('ticket.notFound')}</h1>}
        subTitle={t('ticket.notFoundHint')}
        data-testid="ticket-not-found"
        extra={
          <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
            {t('ticket.back')}
          </Button>
        }
      />
    );

  return (
    <AsyncView state={state}>
      {(ticket) => {
        const isOwner = user.role === 'enterprise' || user.role === 'instructor';
        const co = ticket.parts.filter((p) => p.role === 'co_handler');
        return (
          <Space
            orientation="vertical"
            size={16}
            style={{ width: '100%' }}
            data-testid="ticket-page"
            data-status={ticket.status}
          >
            <Space wrap>
              <Button icon={<ArrowLeftOutlined aria-hidden />} onClick={() => navigate(-1)}>
                {t('ticket.back')}
              </Button>
              <h1 className="page-title">
                {ticket.number} · {ticket.title}
              </h1>
              <StatusTag status={ticket.status} />
              <FlagBadge flag={ticket.deadlines.flag} />
              {ticket.channel === 'visit' && <FromVisit ticket={ticket} />}
            </Space>
            <Row gutter={[16, 16]}>
              <Col xs={24} lg={16}>
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  {isOwner && <PromiseCard ticket={ticket} />}
                  <Card title={t('ticket.overview')} size="small">
                    <Descriptions
                      size="small"
                      column={{ xs: 1, sm: 2 }}
                      items={[
                        {
                          key: 'enterprise',
                          label: t('tickets.enterprise'),
                          children: ticket.enterpriseName,
                        },
                        {
                          key: 'category',
                          label: t('tickets.category'),
                          children: categoryName(ticket.category),
                        },
                        {
                          key: 'urgency',
                          label: t('tickets.urgency'),
                          children: <UrgencyTag urgency={ticket.urgency} />,
                        },
                        {
                          key: 'submitted',
                          label: t('tickets.submittedAt'),
                          children: formatDateTime(ticket.submittedAt, locale),
                        },
                        // 受理渠道 of a ticket the committee logged for the enterprise (代为登记); the
                        // web form needs no word, a visit has its own tag beside the title.
                        ...(STAFF_CHANNELS.includes(ticket.channel ?? '')
                          ? [
                              {
                                key: 'channel',
                                label: t('intake.channel'),
                                children: (
                                  <span data-testid="ticket-channel" data-channel={ticket.channel}>
                                    {t(`intake.channel.${ticket.channel}` as MessageKey)}
                                  </span>
                                ),
                              },
                            ]
                          : []),
                        { key: 'location', label: t('ticket.location'), children: ticket.location ?? '—' },
                        {
                          key: 'contact',
                          label: t('ticket.contact'),
                          children: `${ticket.contact.name} ${ticket.contact.phone}`,
                        },
                        {
                          key: 'lead',
                          label: t('ticket.leadDepartment'),
                          children: ticket.leadDepartment
                            ? (ticket.leadDepartment.name ?? departmentName(ticket.leadDepartment.id))
                            : '—',
                        },
                        {
                          key: 'co',
                          label: t('ticket.coHandlers'),
                          children: co.length
                            ? co.map((p) => (
                                <Tag key={p.department.id}>
                                  {p.department.name ?? departmentName(p.department.id)}
                                </Tag>
                              ))
                            : '—',
                        },
                        ...(ticket.reopenCount
                          ? [{ key: 'reopen', label: t('ticket.reopenCount'), children: ticket.reopenCount }]
                          : []),
                      ]}
                    />
                    <Typography.Title level={5}>{t('ticket.description')}</Typography.Title>
                    <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                      {ticket.description}
                    </Typography.Paragraph>
                    <Typography.Title level={5}>{t('ticket.attachments')}</Typography.Title>
                    <AttachmentList items={ticket.attachments} />
                  </Card>
                  {ticket.pendingExtension && (
                    <Alert
                      type="warning"
                      showIcon
                      title={t('ticket.pendingExtension')}
                      description={`${t('ticket.proposedDueAt')}: ${formatDateTime(ticket.pendingExtension.proposedDueAt, locale)} · ${ticket.pendingExtension.reason}`}
                    />
                  )}
                  {co.length > 0 && (
                    <Card title={t('ticket.parts')} size="small" data-testid="parts">
                      <Descriptions
                        size="small"
                        column={1}
                        items={co.map((p) => ({
                          key: p.department.id,
                          label: p.department.name ?? departmentName(p.department.id),
                          children: p.content ? (
                            <span style={{ whiteSpace: 'pre-wrap' }}>
                              {p.content}{' '}
                              <Typography.Text type="secondary">
                                ({formatDateTime(p.reportedAt, locale)})
                              </Typography.Text>
                            </span>
                          ) : (
                            <Typography.Text type="secondary">{t('ticket.partPending')}</Typography.Text>
                          ),
                        }))}
                      />
                    </Card>
                  )}
                  {ticket.resolution && (
                    <Card title={t('ticket.resolution')} size="small" data-testid="resolution">
                      <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                        {ticket.resolution.result}
                      </Typography.Paragraph>
                      <Typography.Text type="secondary">
                        {departmentName(ticket.resolution.departmentId)} ·{' '}
                        {formatDateTime(ticket.resolution.resolvedAt, locale)} ·{' '}
                        {ticket.repliedThisRound ? t('ticket.replied') : t('ticket.notReplied')}
                      </Typography.Text>
                      {ticket.resolution.evidence.length > 0 && (
                        <>
                          <Typography.Title level={5}>{t('ticket.evidence')}</Typography.Title>
                          <AttachmentList items={ticket.resolution.evidence} />
                        </>
                      )}
                    </Card>
                  )}
                  {ticket.feedback && (
                    <Card title={t('ticket.feedback')} size="small" data-testid="feedback">
                      <Descriptions
                        size="small"
                        column={{ xs: 1, sm: 3 }}
                        items={[
                          {
                            key: 'c',
                            label: t('feedback.contacted'),
                            children: ticket.feedback.contacted ? t('common.yes') : t('common.no'),
                          },
                          {
                            key: 's',
                            label: t('feedback.solved'),
                            children: ticket.feedback.solved ? t('common.yes') : t('common.no'),
                          },
                          {
                            key: 'sat',
                            label: t('feedback.satisfaction'),
                            children: t(`satisfaction.${ticket.feedback.satisfaction}`),
                          },
                        ]}
                      />
                      {ticket.feedback.comment && (
                        <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>
                          {ticket.feedback.comment}
                        </Typography.Paragraph>
                      )}
                    </Card>
                  )}
                  <ConversationCard ticket={ticket as DeskTicket} onChanged={state.reload} />
                  <TicketDecisions ticket={ticket} />
                  {isOwner && ticket.status === 'resolved' && !ticket.feedback && (
                    <FeedbackForm ticket={ticket} onDone={state.reload} />
                  )}
                  {isOwner &&
                    ticket.feedback?.satisfaction === 'unsatisfied' &&
                    ticket.status === 'resolved' && (
                      <Alert type="info" showIcon title={t('feedback.reopenHint')} />
                    )}
                </Space>
              </Col>
              <Col xs={24} lg={8}>
                <Space orientation="vertical" size={16} style={{ width: '100%' }}>
                  <Card title={t('ticket.actions')} size="small" data-testid="actions">
                    <TicketActions ticket={ticket} onChanged={state.reload} />
                  </Card>
                  <DeskPanel ticket={ticket as DeskTicket} onChanged={state.reload} />
                  {!isOwner && (
                    <Card title={t('ticket.deadlines')} size="small">
                      <Deadlines ticket={ticket} />
                    </Card>
                  )}
                  <Card title={t('ticket.timeline')} size="small">
                    <TicketTimeline steps={ticket.timeline} />
                  </Card>
                </Space>
              </Col>
            </Row>
          </Space>
        );
      }}
    </AsyncView>
  );
}
