import { Amount, Count, Id, Ids, Instant, Nested, NestedList, OneOf, optional, Text } from './payload-rules';

/**
 * Events the ledger writes itself, on topic ticketing.ledger.v1, keyed by their record's id. The
 * ledger chains each in the same transaction that writes it (it is the truth for oversight), and
 * publishes it for the services that act on it (notify delivers bulletins).
 */
export const LedgerEvents = {
  bulletinPublished: 'ledger.bulletin-published',
} as const;
export type LedgerEventType = (typeof LedgerEvents)[keyof typeof LedgerEvents];

/** A bulletin covers a month, a quarter or a year (Asia/Shanghai). */
export const BulletinPeriodKinds = ['month', 'quarter', 'year'] as const;
export type BulletinPeriodKind = (typeof BulletinPeriodKinds)[number];

export class BulletinAuthorRef {
  @Id() id!: string;
  @Text() name!: string;
}

/** One department's place in the bulletin's ranking, frozen when it was published. */
export class BulletinRankingRef {
  @Count() rank!: number;
  @Id() departmentId!: string;
  @Text() departmentName!: string;
  /** The published ranking score in [0, 1] (shown ×100 with one decimal); null when nothing was due. */
  @Amount(optional) score!: number | null;
  @Count() received!: number;
}

/** A ticket named in the bulletin's overdue list: which clock it overran, when it was due and done. */
export class BulletinOverdueRef {
  @Id() ticketId!: string;
  @Text() number!: string;
  @Text() title!: string;
  @Text() enterpriseName!: string;
  @Id() departmentId!: string;
  @Text() departmentName!: string;
  /** resolve: 办结时限; reply: 答复时限. */
  @OneOf(['resolve', 'reply']) clock!: 'resolve' | 'reply';
  @Instant() dueAt!: string;
  /** When it was done at last; null while it is still not done. */
  @Instant(optional) doneAt!: string | null;
}

/**
 * 工作通报: the committee published a period's ranking and its named overdue list. Every department
 * receives it (in-app and in its group robot); the ledger keeps and lists it.
 */
export class BulletinPublishedPayload {
  @Id() bulletinId!: string;
  @OneOf(BulletinPeriodKinds) periodKind!: BulletinPeriodKind;
  /** 2026-12, 2026-Q4 or 2026. */
  @Text() period!: string;
  @Text() title!: string;
  /** One paragraph a group robot can send as it is. */
  @Text() summary!: string;
  @Instant() publishedAt!: string;
  @Nested(BulletinAuthorRef) publishedBy!: BulletinAuthorRef;
  /** The ranking formula in force when it was published (GET /api/v1/ledger/figures/definitions). */
  @Text() formula!: string;
  @NestedList(BulletinRankingRef) ranking!: BulletinRankingRef[];
  @NestedList(BulletinOverdueRef) overdue!: BulletinOverdueRef[];
  /** Overdue tickets in the period; the list names at most the first 500 of them. */
  @Count() overdueTotal!: number;
  /** Every department it is sent to. */
  @Ids() departmentIds!: string[];
}

export const LedgerEventPayloads = {
  [LedgerEvents.bulletinPublished]: BulletinPublishedPayload,
} as const;
