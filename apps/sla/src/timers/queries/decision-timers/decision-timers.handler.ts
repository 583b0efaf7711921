import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { notFound } from '@ticketing/platform';
import { CalendarRepository } from '../../../calendars/domain/calendar.repository';
import { DecisionScope, TimerReader } from '../../infrastructure/timer.reader';
import { timerViews } from '../timer-view';
import { DecisionTimersQuery } from './decision-timers.query';
import { AuthUser } from '@ticketing/auth';

/** The committee and the admin see every decision's clock; a department, those it leads or co-handles. */
const maySee = (user: AuthUser, d: DecisionScope): boolean =>
  user.role === 'committee' ||
  user.role === 'admin' ||
  (user.role === 'department' &&
    !!user.departmentId &&
    (d.leadDepartmentId === user.departmentId || d.coHandlerDepartmentIds.includes(user.departmentId)));

/**
 * A decision's clock as the SLA engine counts it. A decision the caller may not see answers exactly
 * as one the engine never heard of (404), so its existence does not leak.
 */
@QueryHandler(DecisionTimersQuery)
export class DecisionTimersHandler implements IQueryHandler<DecisionTimersQuery> {
  constructor(
    private readonly reader: TimerReader,
    private readonly calendars: CalendarRepository,
  ) {}

  async execute({ user, decisionId }: DecisionTimersQuery) {
    const scope = await this.reader.decisionScope(decisionId);
    if (!scope || !maySee(user, scope)) throw notFound('decision', decisionId);
    const rows = await this.reader.decisionTimersOf(decisionId);
    return {
      decisionId,
      meetingId: scope.meetingId,
      leadDepartmentId: scope.leadDepartmentId,
      coHandlerDepartmentIds: scope.coHandlerDepartmentIds,
      status: scope.status,
      timers: await timerViews(rows, this.calendars, Date.now()),
    };
  }
}
