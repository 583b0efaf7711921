import { Link } from 'react-router-dom';
import type { TicketDetail } from '../../api/types';
import { useUser } from '../../auth/session';
import { useI18n } from '../../i18n/i18n';
import { FromVisitTag } from '../../shared/tags';

/**
 * 来自走访 on a ticket raised in a visit, with a link to the visit for those who may read it: the
 * committee and admin, the enterprise (without the instructor's notes), and the instructor who
 * recorded it (who submitted the ticket on the enterprise's behalf). Departments see the mark only.
 */
export function FromVisit({ ticket }: { ticket: TicketDetail }) {
  const { t } = useI18n();
  const user = useUser();
  const mayRead =
    !!ticket.visitId &&
    (user.role === 'committee' ||
      user.role === 'admin' ||
      user.role === 'enterprise' ||
      (user.role === 'instructor' && ticket.submittedBy.id === user.id));
  return (
    <span data-testid="ticket-from-visit">
      <FromVisitTag />
      {mayRead && (
        <Link to={`/visits/${ticket.visitId}`} data-testid="ticket-visit-link">
          {t('ticket.viewVisit')}
        </Link>
      )}
    </span>
  );
}
