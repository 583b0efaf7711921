import { Card, Tabs, Typography } from 'antd';
import { useSearchParams } from 'react-router-dom';
import type { TicketStatus } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { TicketTable } from '../../shared/ticket-table';
import { DecisionQueue } from '../meeting/decision-queue';
import { BulkActions } from '../ticket/desk/bulk-actions';

/**
 * What is still the department's to do: sign for, handle, answer (a resolved ticket waits for its
 * reply and the enterprise's rating). Closed and withdrawn tickets are one filter away.
 */
const OPEN_FOR_DEPARTMENT: TicketStatus[] = [
  'assigned',
  'reopened',
  'in_progress',
  'transfer_requested',
  'resolved',
];

export function QueuePage() {
  const { t } = useI18n();
  const user = useUser();
  const { departmentName } = useDirectory();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'decisions' ? 'decisions' : 'tickets';
  return (
    <Card
      styles={{ body: { padding: 16 } }}
      title={<h1 className="page-title">{`${t('queue.title')} · ${departmentName(user.departmentId)}`}</h1>}
    >
      {/* Beside the tickets, the joint meetings' decisions (议定事项) the department leads or co-handles. */}
      <Tabs
        activeKey={tab}
        onChange={(k) => setParams(k === 'tickets' ? {} : { tab: k }, { replace: true })}
        items={[
          {
            key: 'tickets',
            label: t('queue.tabTickets'),
            children: (
              <>
                <Typography.Paragraph type="secondary">{t('queue.intro')}</Typography.Paragraph>
                <TicketTable
                  testId="queue"
                  departmentId={user.departmentId}
                  defaultSort="deadline"
                  defaultStatus={OPEN_FOR_DEPARTMENT}
                  columns={[
                    'number',
                    'title',
                    'deadline',
                    'status',
                    'urgency',
                    'role',
                    'category',
                    'enterprise',
                  ]}
                  emptyText={t('tickets.emptyQueue')}
                  bulk={(selected, done) => <BulkActions selected={selected} onDone={done} />}
                  mineFilter
                />
              </>
            ),
          },
          { key: 'decisions', label: t('queue.tabDecisions'), children: <DecisionQueue /> },
        ]}
      />
    </Card>
  );
}
