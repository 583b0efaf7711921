import { Controller, Get, Param } from '@nestjs/common';
import { ApiNotFoundResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser, CurrentUser, Roles } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { CalendarStore } from '../../../calendars/infrastructure/calendar.store';
import { SLA_SCHEMA } from '../../../shared/queryable';
import { timeline } from '../../domain/timer';
import { TimerRow, factsOf } from '../../infrastructure/timer.repository';

interface TicketRow {
  ticket_id: string;
  enterprise_id: string | null;
  grid_id: string | null;
  lead_department_id: string | null;
  co_handler_department_ids: string[];
}

const minutes = (ms: number) => ms / 60_000;

/**
 * The ticket's deadlines as the SLA engine counts them. Durations are given in integer
 * milliseconds (exact: they add up) and in minutes (for people). Who may look: committee and
 * admin; the enterprise that owns the ticket; a department that leads, co-handles or held a
 * timer on it; an instructor of the ticket's grid. Ownership comes from the ticket events.
 */
@ApiTags('sla · timers')
@Controller('api/v1/sla/tickets')
export class TicketTimersHttpController {
  constructor(
    @InjectDataSource(SLA_SCHEMA) private readonly ds: DataSource,
    private readonly calendars: CalendarStore,
  ) {}

  @Get(':ticketId/timers')
  @Roles('committee', 'admin', 'department', 'enterprise', 'instructor')
  @ApiOperation({
    summary:
      "A ticket's timers: kind, department, start, deadline, pauses, elapsed and remaining working time, state",
  })
  @ApiOkResponse({ description: 'timers, oldest first' })
  @ApiNotFoundResponse({ description: 'the SLA engine has not seen this ticket' })
  async timers(@Param('ticketId') ticketId: string, @CurrentUser() user: AuthUser) {
    const [ticket]: TicketRow[] = await this.ds.query('SELECT * FROM sla.tickets WHERE ticket_id = $1', [
      ticketId,
    ]);
    if (!ticket) throw new DomainError('notFound', `no timers for ticket ${ticketId}`);
    const rows: TimerRow[] = await this.ds.query(
      'SELECT * FROM sla.timers WHERE ticket_id = $1 ORDER BY started_at, id',
      [ticketId],
    );
    this.authorize(user, ticket, rows);
    const now = Date.now();
    const out = [];
    for (const r of rows) {
      const cal = await this.calendars.get(this.ds, r.calendar_id);
      const t = timeline(factsOf(r), cal, now);
      out.push({
        id: r.id,
        kind: r.kind,
        departmentId: r.department_id,
        state: r.state,
        outcome: r.outcome,
        basis: r.basis,
        policy: { id: r.policy_id, version: r.policy_version },
        calendarId: r.calendar_id,
        startedAt: r.started_at.toISOString(),
        dueAt: r.due_at?.toISOString() ?? null,
        stoppedAt: r.stopped_at?.toISOString() ?? null,
        breachedAt: r.breached_at?.toISOString() ?? null,
        pausedIntervals: r.pauses,
        asOf: new Date(t.asOf).toISOString(),
        ms: {
          allowance: t.allowanceMs,
          budget: t.budgetMs,
          extension: t.extensionMs,
          elapsedWall: t.elapsedWallMs,
          pausedWall: t.pausedWallMs,
          elapsedWorking: t.elapsedWorkingMs,
          pausedWorking: t.pausedWorkingMs,
          active: t.activeMs,
          remaining: t.remainingMs,
          remainingWorking: t.remainingWorkingMs,
        },
        elapsedWallMinutes: minutes(t.elapsedWallMs),
        pausedWallMinutes: minutes(t.pausedWallMs),
        elapsedWorkingMinutes: minutes(t.elapsedWorkingMs),
        pausedWorkingMinutes: minutes(t.pausedWorkingMs),
        remainingWorkingMinutes: minutes(t.remainingWorkingMs),
      });
    }
    return { ticketId, timers: out };
  }

  private authorize(user: AuthUser, ticket: TicketRow, rows: TimerRow[]): void {
    const ok =
      user.role === 'committee' ||
      user.role === 'admin' ||
      (user.role === 'enterprise' && !!user.enterpriseId && user.enterpriseId === ticket.enterprise_id) ||
      (user.role === 'instructor' && !!ticket.grid_id && (user.gridIds ?? []).includes(ticket.grid_id)) ||
      (user.role === 'department' &&
        !!user.departmentId &&
        (ticket.lead_department_id === user.departmentId ||
          ticket.co_handler_department_ids.includes(user.departmentId) ||
          rows.some((r) => r.department_id === user.departmentId)));
    if (!ok) throw new DomainError('forbidden', 'this ticket is not yours to see');
  }
}
