import { Inject } from '@nestjs/common';
import { IQueryHandler, QueryHandler } from '@nestjs/cqrs';
import { invalidField } from '@ticketing/platform';
import { MeetingFiguresReader } from '../../../dashboard/infrastructure/meeting-figures.reader';
import { ATTRIBUTION } from '../../../figures/domain/figures';
import { FiguresReader } from '../../../figures/infrastructure/figures.reader';
import { instructorFormula, rankInstructors } from '../../../instructors/domain/instructor-score';
import { InstructorWorkReader } from '../../../instructors/infrastructure/instructor-work.reader';
import { LEDGER_SETTINGS, LedgerSettings } from '../../../ledger.env';
import { NamesReader } from '../../../shared/infrastructure/names.reader';
import { Period, periodOf } from '../../../shared/period';
import { departmentScope } from '../../../shared/scope';
import { ReviewReport, reviewDocument, reviewReport } from '../../domain/review-report';
import { pdfFont } from '../../infrastructure/pdf-font';
import { renderPdf } from '../../infrastructure/pdf-renderer';
import { ReportTicketsReader } from '../../infrastructure/report-tickets.reader';
import { renderXlsx } from '../../infrastructure/xlsx-renderer';
import { GetReviewReportQuery } from './get-review-report.query';

/**
 * The quarter's inspection or the year's evaluation, from the projections (every figure is one of
 * the published counters, rates or scores): all departments and instructors for the committee, a
 * department's own part for that department. The .xlsx and the PDF are drawn from the same model.
 */
@QueryHandler(GetReviewReportQuery)
export class GetReviewReportHandler implements IQueryHandler<GetReviewReportQuery, ReviewReport | Buffer> {
  constructor(
    private readonly figures: FiguresReader,
    private readonly instructors: InstructorWorkReader,
    private readonly tickets: ReportTicketsReader,
    private readonly meetings: MeetingFiguresReader,
    private readonly names: NamesReader,
    @Inject(LEDGER_SETTINGS) private readonly settings: LedgerSettings,
  ) {}

  async execute(q: GetReviewReportQuery): Promise<ReviewReport | Buffer> {
    const period = periodOf(q.period);
    if (!period || period.kind === 'month')
      throw invalidField('period', 'must be a quarter (2026-Q4) or a year (2026)');
    const departmentId = departmentScope(q.user, q.departmentId) ?? null;
    const report = await this.report({ ...period, kind: period.kind }, departmentId);
    if (q.format === 'json') return report;
    const book = await this.names.load();
    const doc = reviewDocument(report, departmentId ? book.department(departmentId) : null);
    return q.format === 'xlsx' ? renderXlsx(doc) : renderPdf(doc, pdfFont(this.settings.pdfFont));
  }

  private async report(period: Period & { kind: 'quarter' | 'year' }, departmentId: string | null) {
    const { satisfactionWeight: w, instructorWeights, evaluationWeights } = this.settings;
    const months = period.months;
    const range = { fromMonth: months[0], toMonth: months[months.length - 1] };
    const book = await this.names.load();
    const scoped = departmentId ?? undefined;
    const held = await this.meetings.held(months);
    return reviewReport({
      period,
      departmentId,
      now: new Date(),
      satisfactionWeight: w,
      evaluationWeights,
      departmentName: (id) => book.department(id),
      byDepartment: await this.figures.counters(range, 'department'),
      instructors: departmentId
        ? null
        : rankInstructors(await this.instructors.read(months), instructorWeights, w),
      instructorFormula: departmentId ? null : instructorFormula(instructorWeights, w).zh,
      attribution: ATTRIBUTION.zh,
      overdue: await this.tickets.named('overdue', months, scoped),
      reopened: await this.tickets.named('reopened', months, scoped),
      supervised: await this.tickets.named('supervised', months, scoped),
      meetings: {
        counts: await this.meetings.counts(months),
        held: departmentId
          ? held
              .map((m) => ({
                ...m,
                decisions: m.decisions.filter((d) => d.leadDepartmentId === departmentId),
              }))
              .filter((m) => m.decisions.length)
          : held,
      },
    });
  }
}
