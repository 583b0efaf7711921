import { Timeline, Typography } from 'antd';
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

export function TicketTimeline({ steps }: { steps: TimelineStep[] }) {
  const { t, locale } = useI18n();
  const { departmentName } = useDirectory();
  const known = (a: string) => `timeline.${a}` as never;
  return (
    <Timeline
      items={[...steps]
        .sort((a, b) => a.version - b.version)
        .map((s) => {
          const dept =
            typeof s.details.departmentId === 'string' ? departmentName(s.details.departmentId) : null;
          const label = t(known(s.action));
          const who = s.actor.role === 'system' ? '' : t(`role.${s.actor.role}` as never);
          return {
            key: `${s.version}-${s.eventType}`,
            color: colors[s.action] ?? 'blue',
            title: formatDateTime(s.occurredAt, locale),
            content: (
              <div data-testid="timeline-step" data-step={s.action}>
                <Typography.Text strong>{label === known(s.action) ? s.action : label}</Typography.Text>
                {(dept || who) && (
                  <Typography.Text type="secondary">
                    {' '}
                    · {[dept, who].filter(Boolean).join(' · ')}
                  </Typography.Text>
                )}
                {s.reason && <div style={{ whiteSpace: 'pre-wrap' }}>{s.reason}</div>}
              </div>
            ),
          };
        })}
    />
  );
}
