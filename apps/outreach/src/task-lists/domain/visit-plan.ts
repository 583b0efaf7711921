import { TaskReason, TaskTopicKind } from '@ticketing/contracts';
import { addMonths } from '../../shared/domain/zone-time';

export interface TaskTopic {
  kind: TaskTopicKind;
  text: string;
}

/** One enterprise to visit this month, why, and what to talk about. */
export interface PlannedVisit {
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  reason: TaskReason;
  topics: TaskTopic[];
}

/** An enterprise an instructor looks after, and when anyone last visited it (YYYY-MM, up to the month planned). */
export interface PlanCandidate {
  enterpriseId: string;
  enterpriseName: string;
  gridId: string | null;
  keyEnterprise: boolean;
  lastVisitMonth: string | null;
}

/** The visiting intervals of the settings: key enterprises every `keyMonths`, every enterprise every `allMonths`. */
export interface VisitIntervals {
  keyMonths: number;
  allMonths: number;
}

/**
 * The proposal the committee starts a month's task list from: an enterprise is due when nobody
 * visited it in the interval's months before the month planned (never visited: due). With the
 * defaults, every key enterprise monthly and every other one at least quarterly. Key enterprises
 * first, then by name.
 */
export function proposePlan(
  candidates: PlanCandidate[],
  month: string,
  intervals: VisitIntervals,
): PlannedVisit[] {
  const due = (c: PlanCandidate, every: number) =>
    c.lastVisitMonth === null || c.lastVisitMonth <= addMonths(month, -every);
  return candidates
    .flatMap((c): PlannedVisit[] => {
      const reason: TaskReason | null =
        c.keyEnterprise && due(c, intervals.keyMonths)
          ? 'key_enterprise'
          : due(c, intervals.allMonths)
            ? 'due'
            : null;
      return reason
        ? [
            {
              enterpriseId: c.enterpriseId,
              enterpriseName: c.enterpriseName,
              gridId: c.gridId,
              reason,
              topics: [],
            },
          ]
        : [];
    })
    .sort(
      (a, b) =>
        Number(b.reason === 'key_enterprise') - Number(a.reason === 'key_enterprise') ||
        a.enterpriseName.localeCompare(b.enterpriseName, 'zh') ||
        a.enterpriseId.localeCompare(b.enterpriseId),
    );
}
