import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { AuthUser } from '@ticketing/auth';
import { DomainError } from '@ticketing/contracts';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { ticketView, visibleTo } from '../../../shared/ticket-view';
import { EnterpriseFileReader } from '../../infrastructure/enterprise-file.reader';
import { GetEnterpriseFileQuery } from './get-enterprise-file.query';

interface YearSummary {
  year: string;
  tickets: number;
  resolved: number;
  solved: number;
  satisfied: number;
  feedback: number;
}

/**
 * 一企一档: one enterprise's tickets and how each ended, newest first, with yearly totals. The
 * committee sees every file; an instructor the files of enterprises in their grids; an enterprise
 * its own. Within a file, a ticket is listed (and counted) only for those who may see it.
 */
@QueryHandler(GetEnterpriseFileQuery)
export class GetEnterpriseFileHandler implements IQueryHandler<GetEnterpriseFileQuery> {
  constructor(
    private readonly files: EnterpriseFileReader,
    private readonly names: NamesReader,
  ) {}

  async execute({ user, enterpriseId }: GetEnterpriseFileQuery) {
    const profile = await this.files.profile(enterpriseId);
    const all = await this.files.tickets(enterpriseId);
    if (!profile && !all.length)
      throw new DomainError('notFound', `no enterprise ${enterpriseId} in the ledger`, { enterpriseId });
    authorise(
      user,
      enterpriseId,
      (profile?.grid_id as string | null) ??
        (all.find((t) => t.grid_id)?.grid_id as string | undefined) ??
        null,
    );
    const tickets = visibleTo(user, all);
    const names = await this.names.load();
    const byYear = new Map<string, YearSummary>();
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
        ? {
            id: profile.id,
            name: profile.name,
            creditCode: profile.credit_code,
            gridId: profile.grid_id,
            gridName: names.grid(profile.grid_id as string) || null,
            industry: profile.industry,
            address: profile.address,
            active: profile.active,
          }
        : { id: enterpriseId, name: (all[0]?.enterprise_name as string) ?? null },
      summary: [...byYear.values()].sort((a, b) => b.year.localeCompare(a.year)),
      tickets: tickets.map((t) => ticketView(t, names)),
    };
  }
}

/** An enterprise file is the enterprise's business: refused (403) to anyone else, like the figures. */
function authorise(user: AuthUser, enterpriseId: string, gridId: string | null): void {
  if (user.role === 'committee' || user.role === 'admin') return;
  if (user.role === 'enterprise' && user.enterpriseId === enterpriseId) return;
  if (user.role === 'instructor' && gridId && user.gridIds?.includes(gridId)) return;
  throw new DomainError('forbidden', 'this enterprise file is not yours to see', { enterpriseId });
}
