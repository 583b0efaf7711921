import { Card, Space, Tag, Typography } from 'antd';
import { Link, useSearchParams } from 'react-router-dom';
import { api } from '../../api/client';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useDirectory } from '../../shared/directory';
import { AlertLevel, OverdueItem, OverdueTable } from '../../shared/ledger-figures';
import { AsyncView } from '../../shared/states';
import { TicketTable } from '../../shared/ticket-table';
import { BulkActions } from '../ticket/desk/bulk-actions';
import { useAsync } from '../../shared/use-async';

const ALERT_LEVELS = ['red', 'yellow'] as const;

/**
 * The yellow and red cards of one department, or of all (?department=…&overdue=red|yellow|alerted):
 * the list behind the dashboard's "late, and who" figures. The ledger's alert list filters by
 * department and level; the ticket list (GET /api/v1/tickets) has no department filter yet.
 */
function AlertList({ departmentId, level }: { departmentId?: string; level?: AlertLevel }) {
  const { t } = useI18n();
  const { departmentName } = useDirectory();
  const state = useAsync(
    () =>
      api<{ items: OverdueItem[] }>('/api/v1/ledger/dashboard/overdue', {
        query: { departmentId, level, limit: 1000 },
      }),
    [departmentId, level],
  );
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="alert-list">
      <Space wrap>
        <Typography.Text>{t('common.filtersLabel')}</Typography.Text>
        {departmentId && (
          <Tag data-filter="department">
            {t('tickets.filterDepartment', { name: departmentName(departmentId) })}
          </Tag>
        )}
        <Tag data-filter="overdue">
          {t('tickets.filterFlag', { flag: level ? t(`flag.${level}`) : t('tickets.allAlerted') })}
        </Tag>
        <Link to="/tickets">{t('common.clearFilters')}</Link>
      </Space>
      <Typography.Paragraph type="secondary" style={{ margin: 0 }}>
        {t('tickets.alertsIntro')}
      </Typography.Paragraph>
      <AsyncView state={state}>
        {(d) => <OverdueTable items={d.items} showDepartment={!departmentId} />}
      </AsyncView>
    </Space>
  );
}

export function AllTicketsPage() {
  const { t } = useI18n();
  const user = useUser();
  const [params] = useSearchParams();
  const department = params.get('department') ?? undefined;
  const overdue = params.get('overdue');
  const level = (ALERT_LEVELS as readonly string[]).includes(overdue ?? '')
    ? (overdue as AlertLevel)
    : undefined;
  const alerts = department !== undefined || level !== undefined || overdue === 'alerted';
  return (
    <Card
      styles={{ body: { padding: 16 } }}
      title={<h1 className="page-title">{alerts ? t('tickets.alertsTitle') : t('nav.allTickets')}</h1>}
      extra={alerts ? <Link to="/tickets">{t('nav.allTickets')}</Link> : undefined}
    >
      {alerts ? (
        <AlertList departmentId={department} level={level} />
      ) : (
        <TicketTable
          testId="all-tickets"
          filtersInUrl
          callbackFilter={user.role === 'committee'}
          columns={[
            'number',
            'title',
            'enterprise',
            'category',
            'status',
            'department',
            'deadline',
            'submittedAt',
          ]}
          bulk={
            user.role === 'committee'
              ? (selected, done) => <BulkActions selected={selected} onDone={done} />
              : undefined
          }
        />
      )}
    </Card>
  );
}
