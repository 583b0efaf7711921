import { Tag, Typography } from 'antd';
import { useI18n } from '../../i18n/i18n';
import type { MessageKey } from '../../i18n/zh';
import { Countdown } from '../../shared/deadline';
import type { AgendaItem, Decision, MeetingStatus, NamedRef } from './meeting-api';

const MEETING_COLORS: Record<MeetingStatus, string> = {
  scheduled: 'blue',
  held: 'green',
  cancelled: 'default',
};

export function MeetingStatusTag({ status }: { status: MeetingStatus }) {
  const { t } = useI18n();
  return (
    <Tag color={MEETING_COLORS[status]} data-meeting-status={status}>
      {t(`meeting.status.${status}` as MessageKey)}
    </Tag>
  );
}

/** 办理中 / 已报办结 / 已销号 (with the outcome once the committee closed it). */
export function DecisionStatusTag({ decision }: { decision: Decision }) {
  const { t } = useI18n();
  if (decision.status === 'closed')
    return (
      <Tag
        color={
          decision.outcome === 'solved' ? 'green' : decision.outcome === 'unsolved' ? 'volcano' : 'default'
        }
        data-decision-status="closed"
      >
        {t(`decision.outcome.${decision.outcome ?? 'solved'}` as MessageKey)}
      </Tag>
    );
  return (
    <Tag color={decision.status === 'done' ? 'cyan' : 'blue'} data-decision-status={decision.status}>
      {t(`decision.status.${decision.status}` as MessageKey)}
    </Tag>
  );
}

/** Where an agenda item came from: the escalation ladder, the committee's hand, an earlier decision. */
export function AgendaSourceTag({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  const color = item.source === 'escalation' ? 'red' : item.source === 'follow_up' ? 'purple' : 'default';
  return <Tag color={color}>{t(`agenda.source.${item.source}` as MessageKey)}</Tag>;
}

export function AgendaKindTag({ item }: { item: AgendaItem }) {
  const { t } = useI18n();
  return <Tag>{t(`agenda.kind.${item.kind}` as MessageKey)}</Tag>;
}

export const refName = (r: NamedRef | null | undefined, fallback: (id: string) => string): string =>
  r ? (r.name ?? fallback(r.id)) : '—';

/** A decision's clock as the queue shows it: counting down to its deadline with 黄牌 / 红牌. */
export function DecisionDeadline({ decision }: { decision: Decision }) {
  const { t } = useI18n();
  if (decision.status === 'closed' || decision.status === 'done')
    return <Typography.Text type="secondary">{t('decision.clockStopped')}</Typography.Text>;
  if (!decision.dueAt)
    return (
      <Typography.Text type="secondary">
        {t('decision.dueDays', { n: decision.dueWorkingDays })}
      </Typography.Text>
    );
  return <Countdown dueAt={decision.dueAt} flag={decision.flag} showKind={false} />;
}
