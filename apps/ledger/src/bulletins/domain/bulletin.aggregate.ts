import {
  Actor,
  BulletinOverdueRef,
  BulletinPeriodKind,
  BulletinPublishedPayload,
  BulletinRankingRef,
  DomainError,
  LedgerEvents,
} from '@ticketing/contracts';
import { scoreText } from '../../exports/domain/formats';
import { Period, periodZh } from '../../shared/period';

export const BULLETIN_OVERDUE_LIMIT = 500;

/** What a bulletin freezes: the period's ranking and its overdue tickets, as they stand when it is published. */
export interface BulletinSourceData {
  ranking: BulletinRankingRef[];
  overdue: BulletinOverdueRef[];
  overdueTotal: number;
  /** Every active department (each receives it), ranked or not. */
  departmentIds: string[];
  formula: string;
}

export interface BulletinPublished {
  type: typeof LedgerEvents.bulletinPublished;
  payload: BulletinPublishedPayload;
}

/**
 * 工作通报: the committee publishes a period's ranking and named overdue list to every department.
 * Once published it is kept as it was (the ledger chains it); one per period.
 */
export class Bulletin {
  private constructor(
    readonly id: string,
    readonly actor: Actor,
    readonly events: BulletinPublished[],
  ) {}

  get payload(): BulletinPublishedPayload {
    return this.events[0].payload;
  }

  static publish(input: {
    bulletinId: string;
    period: Period;
    existingBulletinId: string | null;
    source: BulletinSourceData;
    publishedBy: { id: string; name: string; role: Actor['role'] };
    now: Date;
  }): Bulletin {
    const { period, source } = input;
    if (input.existingBulletinId)
      throw new DomainError('conflict', `the bulletin of ${period.label} was published already`, {
        period: period.label,
        bulletinId: input.existingBulletinId,
      });
    if (!source.ranking.length)
      throw new DomainError(
        'validation',
        `no department has figures for ${period.label}: nothing to publish`,
        {
          errors: [{ field: 'period', messages: [`no department has figures for ${period.label}`] }],
        },
      );
    const first = source.ranking[0];
    const named = new Set(source.overdue.map((o) => o.departmentName));
    const summary =
      `${periodZh(period)}工作通报：${source.ranking.length} 个部门参与排名，第一名 ${first.departmentName}（综合得分 ${scoreText(first.score)}）；` +
      (source.overdueTotal
        ? `超时诉求 ${source.overdueTotal} 件，涉及 ${[...named].join('、')}。`
        : '本期没有超时诉求。');
    const payload: BulletinPublishedPayload = {
      bulletinId: input.bulletinId,
      periodKind: period.kind as BulletinPeriodKind,
      period: period.label,
      title: `${periodZh(period)}工作通报`,
      summary,
      publishedAt: input.now.toISOString(),
      publishedBy: { id: input.publishedBy.id, name: input.publishedBy.name },
      formula: source.formula,
      ranking: source.ranking,
      overdue: source.overdue.slice(0, BULLETIN_OVERDUE_LIMIT),
      overdueTotal: source.overdueTotal,
      departmentIds: [...new Set([...source.departmentIds, ...source.ranking.map((r) => r.departmentId)])],
    };
    return new Bulletin(input.bulletinId, { id: input.publishedBy.id, role: input.publishedBy.role }, [
      { type: LedgerEvents.bulletinPublished, payload },
    ]);
  }
}
