import { Tag, Timeline, Typography } from 'antd';
import type { TimelineStep } from '../../api/types';
import { useI18n } from '../../i18n/i18n';
import { formatDateTime } from '../../shared/deadline';
import { useDirectory } from '../../shared/directory';

const colors: Record<string, string> = {
  resolve: 'green',
  close: 'green',
  giveFeedback: 'green',
  reopen: 'red',
  requestTransfer: 'red',
  supervise: 'red',
  requestExtension: 'orange',
};

const str = (v: unknown): string | null => (typeof v === 'string' && v ? v : null);

/** What a step decided, in a word or two: the supervision level, the extension's answer, the new lead. */
function Outcome({ step }: { step: TimelineStep }) {
  const { t, locale } = useI18n();
  const { departmentName } = useDirectory();
  const d = step.details;
  switch (step.action) {
    case 'decideExtension':
      return (
        <Tag
          color={d.approved ? 'green' : 'default'}
          data-testid="timeline-outcome"
          style={{ marginInlineStart: 8 }}
        >
          {d.approved
            ? `${t('action.approve')} · ${t('field.newDueAt')} ${formatDateTime(str(d.newDueAt), locale)}`
            : t('action.reject')}
        </Tag>
      );
    case 'assign':
    case 'approveTransfer': {
      const lead = str(d.leadDepartmentId);
      return lead ? (
        <Typography.Text type="secondary" data-testid="timeline-outcome">
          {' '}
          → {departmentName(lead)}
        </Typography.Text>
      ) : null;
    }
    default:
      return null;
  }
}

/**
 * Dispatch writes its routing explanations in Chinese (older tickets: in English); the two usual
 * ones read in the user's language here. A person's words (a note, a reason) are shown as written.
 */
function reasonOf(s: TimelineStep, t: ReturnType<typeof useI18n>['t']): string | null {
  if (!s.reason) return s.reason;
  if (/department it names is no longer active|规则指定的部门已停用/.test(s.reason))
    return t('desk.whyInactive');
  const rule =
    s.action === 'assign' &&
    s.details.via === 'rule' &&
    (s.reason.match(/^rule "(.+)" \(v\d+\) matched/) ?? s.reason.match(/^按分派规则「(.+)」（第\d+版）/));
  if (rule) return t('timeline.byRule', { name: rule[1] });
  if (s.action === 'queueTriage' && /^(no enabled rule matched|没有适用)/.test(s.reason))
    return t('timeline.noRule');
  return s.reason;
}

export function TicketTimeline({ steps }: { steps: TimelineStep[] }) {
  const { t, locale } = useI18n();
  const { departmentName } = useDirectory();
  const known = (a: string) => `timeline.${a}` as never;
  return (
    <Timeline
      items={steps
        // A reopening is recorded twice (ticket.reopened, and ticket.assigned to restart the response
        // clock for the same lead): one step for the person reading it.
        .filter((s) => !(s.action === 'reopen' && s.eventType === 'ticket.assigned'))
        .sort((a, b) => a.version - b.version)
        .map((s) => {
          const dept =
            typeof s.details.departmentId === 'string' ? departmentName(s.details.departmentId) : null;
          // 督办 comes in levels (催办, 督办, 联席会议): the step is named by its level.
          const level = s.action === 'supervise' ? str(s.details.level) : null;
          const label = level ? t(`level.${level}` as never) : t(known(s.action));
          const reason = reasonOf(s, t);
          const who = s.actor.role === 'system' ? '' : t(`role.${s.actor.role}` as never);
          return {
            key: `${s.version}-${s.eventType}`,
            color: colors[s.action] ?? 'blue',
            title: formatDateTime(s.occurredAt, locale),
            content: (
              <div data-testid="timeline-step" data-step={s.action}>
                <Typography.Text strong>{label === known(s.action) ? s.action : label}</Typography.Text>
                <Outcome step={s} />
                {(dept || who) && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {[dept, who].filter(Boolean).join(' · ')}
                  </Typography.Text>
                )}
                {reason && <div style={{ whiteSpace: 'pre-wrap' }}>{reason}</div>}
              </div>
            ),
          };
        })}
    />
  );
}
