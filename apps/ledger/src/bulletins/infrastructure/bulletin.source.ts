import { Inject, Injectable } from '@nestjs/common';
import { TransactionContext } from '@ticketing/database';
import { FIGURE_KEYS, FIGURES, RANKING_FORMULA } from '../../figures/domain/figures';
import { evaluationFormula } from '../../figures/domain/weights';
import { FiguresReader } from '../../figures/infrastructure/figures.reader';
import { LEDGER_SETTINGS, LedgerSettings } from '../../ledger.env';
import { rankForPeriod } from '../../reports/domain/review-report';
import { ReportTicketsReader } from '../../reports/infrastructure/report-tickets.reader';
import { NamesReader } from '../../shared/infrastructure/names.reader';
import { Period } from '../../shared/period';
import { BulletinSourceData } from '../domain/bulletin.aggregate';
import { BulletinSource } from '../domain/bulletin.repository';

/** The period's ranking (as the reports rank it) and its overdue tickets, from the projections. */
@Injectable()
export class TypeormBulletinSource extends BulletinSource {
  constructor(
    private readonly tx: TransactionContext,
    private readonly figures: FiguresReader,
    private readonly tickets: ReportTicketsReader,
    private readonly names: NamesReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {
    super();
  }

  async read(period: Period): Promise<BulletinSourceData> {
    const { satisfactionWeight: w, evaluationWeights } = this.settings;
    const yearly = period.kind === 'year';
    const book = await this.names.load();
    const byDepartment = await this.figures.counters(
      { fromMonth: period.months[0], toMonth: period.months[period.months.length - 1] },
      'department',
    );
    const ranked = rankForPeriod(byDepartment, yearly, w, evaluationWeights, (id) => book.department(id));
    const overdue = await this.tickets.named('overdue', period.months);
    const departments: { id: string }[] = await this.tx.manager.query(
      `SELECT id FROM ledger.departments WHERE active ORDER BY id`,
    );
    return {
      ranking: ranked.map((r) => ({
        rank: r.rank,
        departmentId: r.departmentId,
        departmentName: r.name,
        score: r.score,
        received: r.received,
      })),
      overdue: overdue.tickets.map((t) => {
        const resolveLate = !!t.resolveDueAt && (t.resolvedAt ? t.resolvedAt > t.resolveDueAt : true);
        return {
          ticketId: t.ticketId,
          number: t.number,
          title: t.title,
          enterpriseName: t.enterpriseName,
          departmentId: t.departmentId,
          departmentName: book.department(t.departmentId),
          clock: resolveLate ? ('resolve' as const) : ('reply' as const),
          dueAt: (resolveLate ? t.resolveDueAt : t.replyDueAt) ?? t.replyDueAt ?? '',
          doneAt: resolveLate ? t.resolvedAt : t.repliedAt,
        };
      }),
      overdueTotal: overdue.total,
      departmentIds: departments.map((d) => d.id),
      formula: yearly
        ? evaluationFormula(
            evaluationWeights,
            Object.fromEntries(FIGURE_KEYS.map((k) => [k, FIGURES[k].zh])) as Record<
              (typeof FIGURE_KEYS)[number],
              string
            >,
          )
        : RANKING_FORMULA.zh,
    };
  }
}
