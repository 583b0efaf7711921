/** What a month holds for one instructor, as the plan-against-done comparison reads it. */
export interface PlanMonth {
  instructorUserId: string;
  instructorName: string;
  month: string;
  /** The published task list's enterprises (none when no list was published). */
  planned: { enterpriseId: string; enterpriseName: string }[];
  visits: {
    enterpriseId: string;
    enterpriseName: string;
    visitedAt: Date;
    problemCount: number;
    ticketIds: string[];
  }[];
  /** What the ticket events said of the visits' tickets. */
  outcomes: Map<string, { solved: boolean | null; satisfaction: string | null }>;
}

export interface EnterpriseLine {
  enterpriseId: string;
  enterpriseName: string;
  planned: boolean;
  visits: number;
  lastVisitedAt: string | null;
  problems: number;
}

/** 对比: one instructor's month, planned against done. */
export interface PlanVsDone {
  instructorUserId: string;
  instructorName: string;
  month: string;
  /** Enterprises on the published list. */
  planned: number;
  /** Planned enterprises visited at least once. */
  visitedPlanned: number;
  /** Planned enterprises not visited. */
  notVisited: number;
  /** Enterprises visited that were not on the list. */
  visitedUnplanned: number;
  /** Distinct enterprises visited. */
  enterprisesVisited: number;
  /** Visits, counting each one. */
  visits: number;
  /** Problems collected in those visits. */
  problems: number;
  /** Of those, the ones the ticket service has made tickets (linked). */
  tickets: number;
  /** Tickets the enterprise said were solved (its latest feedback). */
  solved: number;
  /** Tickets the enterprise rated (gave feedback on). */
  rated: number;
  /** visitedPlanned ÷ planned; null when nothing was planned. */
  completionRate: number | null;
  enterprises: EnterpriseLine[];
}

/**
 * The comparison of a month (月初"三单" → 对比): counts by enterprise, not by visit, for the plan
 * (an enterprise visited twice is one planned visit done); visits and problems count each.
 */
export function planVsDone(m: PlanMonth): PlanVsDone {
  const planned = new Map(m.planned.map((p) => [p.enterpriseId, p.enterpriseName]));
  const lines = new Map<string, EnterpriseLine>();
  for (const [id, name] of planned)
    lines.set(id, {
      enterpriseId: id,
      enterpriseName: name,
      planned: true,
      visits: 0,
      lastVisitedAt: null,
      problems: 0,
    });
  let problems = 0;
  const ticketIds: string[] = [];
  for (const v of m.visits) {
    const line =
      lines.get(v.enterpriseId) ??
      lines
        .set(v.enterpriseId, {
          enterpriseId: v.enterpriseId,
          enterpriseName: v.enterpriseName,
          planned: false,
          visits: 0,
          lastVisitedAt: null,
          problems: 0,
        })
        .get(v.enterpriseId)!;
    line.visits += 1;
    line.problems += v.problemCount;
    const at = v.visitedAt.toISOString();
    if (!line.lastVisitedAt || at > line.lastVisitedAt) line.lastVisitedAt = at;
    problems += v.problemCount;
    ticketIds.push(...v.ticketIds);
  }
  const all = [...lines.values()];
  const visitedPlanned = all.filter((l) => l.planned && l.visits > 0).length;
  const outcomes = ticketIds.map((id) => m.outcomes.get(id));
  return {
    instructorUserId: m.instructorUserId,
    instructorName: m.instructorName,
    month: m.month,
    planned: planned.size,
    visitedPlanned,
    notVisited: planned.size - visitedPlanned,
    visitedUnplanned: all.filter((l) => !l.planned && l.visits > 0).length,
    enterprisesVisited: all.filter((l) => l.visits > 0).length,
    visits: m.visits.length,
    problems,
    tickets: ticketIds.length,
    solved: outcomes.filter((o) => o?.solved === true).length,
    rated: outcomes.filter((o) => !!o?.satisfaction).length,
    completionRate: planned.size ? visitedPlanned / planned.size : null,
    // The list's own order (the committee's), then the unplanned by name.
    enterprises: [
      ...all.filter((l) => l.planned),
      ...all
        .filter((l) => !l.planned)
        .sort(
          (a, b) =>
            a.enterpriseName.localeCompare(b.enterpriseName, 'zh') ||
            a.enterpriseId.localeCompare(b.enterpriseId),
        ),
    ],
  };
}
