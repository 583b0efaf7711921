import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { DataSource } from 'typeorm';
import { loadNames } from '../../../shared/names';
import { ticketView } from '../../../shared/ticket-view';

/**
 * 一企一档: one enterprise's tickets and how each ended, newest first, with yearly totals. The
 * committee sees every file; an instructor the files of enterprises in their grids; an enterprise its own.
 */
@Injectable()
export class GetEnterpriseFileHandler {
  constructor(@InjectDataSource('ledger') private readonly ds: DataSource) {}

  async file(user: AuthUser, enterpriseId: string) {
    const [profile]: Record<string, unknown>[] = await this.ds.query(`SELECT * FROM ledger.enterprises WHERE id = $1`, [enterpriseId]);
    const tickets: Record<string, unknown>[] = await this.ds.query(
      `SELECT f.ticket_id, f.number, f.title, f.enterprise_id, f.enterprise_name, f.category, f.grid_id, f.department_id, f.status,
              f.co_handler_department_ids, f.submitted_at, f.acknowledged_at, f.resolve_due_at, f.resolved_at, f.replied_at, f.result,
              f.satisfaction, f.solved, f.feedback_comment, f.reopen_count, f.transfer_count, f.extension_count, f.close_outcome,
              f.closed_at, f.withdrawn_at, f.joint_meeting_at,
              (f.resolve_due_at IS NOT NULL AND f.resolved_at IS NOT NULL AND f.resolved_at <= f.resolve_due_at) AS resolved_on_time
       FROM ledger.ticket_facts f WHERE f.enterprise_id = $1
       ORDER BY coalesce(f.submitted_at, f.first_seen_at) DESC, f.ticket_id LIMIT 1000`,
      [enterpriseId],
    );
    if (!profile && !tickets.length) throw new DomainError('notFound', `no enterprise ${enterpriseId} in the ledger`, { enterpriseId });
    this.authorise(user, enterpriseId, (profile?.grid_id as string | null) ?? (tickets.find((t) => t.grid_id)?.grid_id as string | undefined) ?? null);
    const names = await loadNames(this.ds.manager);
    const byYear = new Map<string, { year: string; tickets: number; resolved: number; solved: number; satisfied: number; feedback: number }>();
    for (const t of tickets) {
      const year = String((t.submitted_at as Date | null)?.getUTCFullYear() ?? '—');
      const y = byYear.get(year) ?? { year, tickets: 0, resolved: 0, solved: 0, satisfied: 0, feedback: 0 };
      y.tickets++;
      if (t.resolved_at) y.resolved++;
      if (t.satisfaction) y.feedback++;
      if (t.solved === true) y.solved++;
      if (t.satisfaction === 'satisfied' || t.satisfaction === 'basically_satisfied') y.satisfied++;
      byYear.set(year, y);
    }
    return {
      enterprise: profile
        ? { id: profile.id, name: profile.name, creditCode: profile.credit_code, gridId: profile.grid_id, gridName: names.grid(profile.grid_id as string) || null, industry: profile.industry, address: profile.address, active: profile.active }
        : { id: enterpriseId, name: (tickets[0]?.enterprise_name as string) ?? null },
      summary: [...byYear.values()].sort((a, b) => b.year.localeCompare(a.year)),
      tickets: tickets.map((t) => ticketView(t, names)),
    };
  }

  private authorise(user: AuthUser, enterpriseId: string, gridId: string | null): void {
    if (user.role === 'committee' || user.role === 'admin') return;
    if (user.role === 'enterprise' && user.enterpriseId === enterpriseId) return;
    if (user.role === 'instructor' && gridId && user.gridIds?.includes(gridId)) return;
    throw new DomainError('forbidden', 'this enterprise file is not yours to see', { enterpriseId });
  }
}
