import { Card } from 'antd';
import type { TicketDetail } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { useCapability } from '../../shared/capabilities';
import { useAsync } from '../../shared/use-async';
import { DecisionCard } from './decision-list';
import { allPages, meetingsApi } from './meeting-api';

/**
 * The joint meeting's decisions on this ticket (议定事项), for the enterprise whose ticket it is, the
 * departments on it and the committee. The meeting service lists decisions by caller, not by
 * ticket, so the caller's list is read and this ticket's picked from it.
 */
export function TicketDecisions({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const user = useUser();
  const served = useCapability('GET', '/api/v1/meetings/decisions');
  const mayRead = user.role !== 'instructor';
  const state = useAsync(
    async () =>
      served && mayRead
        ? (await allPages((cursor) => meetingsApi.decisions({ cursor, limit: 100 }), 1000)).filter(
            (d) => d.ticket?.id === ticket.id,
          )
        : [],
    [ticket.id, ticket.version, served, mayRead],
  );
  const rows = state.data ?? [];
  if (!rows.length) return null;
  return (
    <Card size="small" title={t('decision.onTicket', { n: rows.length })} data-testid="ticket-decisions">
      <div role="list">
        {rows.map((d) => (
          <DecisionCard key={d.id} decision={d} onChanged={state.reload} />
        ))}
      </div>
    </Card>
  );
}
