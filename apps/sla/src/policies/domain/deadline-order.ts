import { DEFAULT_CATEGORIES, Urgencies } from '@ticketing/contracts';
import { Duration, basisOf, formatDuration } from './duration';
import { FieldProblem, PolicyVersion, ResolvedRule, resolveRule } from './policy';

/** Working milliseconds in one full working day of each calendar (7 h with the default hours). */
export type WorkingDayLengths = Readonly<Record<string, number>>;

/** What a category code stands for here: '' is "a category no policy names" (only '*' policies match it). */
const CATEGORIES: readonly string[] = [...DEFAULT_CATEGORIES.map((c) => c.code), ''];

interface Span {
  basis: 'working' | 'wall';
  /** The least and the most clock time the duration can give, whatever the start. */
  min: number;
  max: number;
}

/**
 * How much time a duration gives, on its own clock. Working days follow the calendar's rule (the
 * start day never counts; the deadline is the close of the n-th working day after it): from n full
 * days (a start after hours) up to n + 1 (a start before the office opens).
 */
function span(d: Duration, dayMs: number): Span {
  if (d.unit === 'working_days')
    return { basis: 'working', min: d.amount * dayMs, max: (d.amount + 1) * dayMs };
  const ms = d.amount * (d.unit.endsWith('hours') ? 3_600_000 : d.unit.endsWith('minutes') ? 60_000 : 1_000);
  return { basis: basisOf(d.unit), min: ms, max: ms };
}

/**
 * True when a reply clock of `reply` can never end after a resolution clock of `resolve` started at
 * the same moment, whatever that moment. Working days against working days compare by count (both
 * end at a close of business); otherwise the reply's longest span must fit in the resolution's
 * shortest. A wall-clock span is never shorter in wall time than the same working span, so a
 * wall-clock reply fits a working resolution by its length; a working reply never surely fits a
 * wall-clock resolution (a holiday week stretches it without bound).
 */
export function replyNeverAfterResolve(
  reply: Duration,
  replyDayMs: number,
  resolve: Duration,
  resolveDayMs: number,
): boolean {
  if (reply.unit === 'working_days' && resolve.unit === 'working_days') return reply.amount <= resolve.amount;
  const r = span(reply, replyDayMs);
  const s = span(resolve, resolveDayMs);
  if (r.basis === 'working' && s.basis === 'wall') return false;
  return r.max <= s.min;
}

const scopeText = (category: string, urgency: string) => `${category || 'any other category'} × ${urgency}`;

/**
 * 100%限期反馈 never later than 限时办结: with `saved` in place of its earlier version among the active
 * ticket policies, for every category × urgency whose reply or resolution deadline `saved` sets, the
 * reply must be due no later than the resolution. Each problem names the field of `saved` at fault:
 * its reply when it sets the reply, else its resolution.
 */
export function replyAfterResolveProblems(
  saved: PolicyVersion,
  activeOthers: readonly PolicyVersion[],
  dayMs: WorkingDayLengths,
): FieldProblem[] {
  if (saved.subject !== 'ticket') return [];
  const set = [...activeOthers.filter((p) => p.id !== saved.id && p.subject === 'ticket'), saved];
  const conflicts = new Map<string, { reply: ResolvedRule; resolve: ResolvedRule; scopes: string[] }>();
  const dayOf = (r: ResolvedRule) => dayMs[r.policy.definition.calendarId] ?? 7 * 3_600_000;
  for (const urgency of Urgencies) {
    for (const category of CATEGORIES) {
      const reply = resolveRule(set, category, urgency, 'reply');
      const resolve = resolveRule(set, category, urgency, 'resolve');
      if (!reply || !resolve) continue;
      if (reply.policy !== saved && resolve.policy !== saved) continue;
      if (replyNeverAfterResolve(reply.rule.duration, dayOf(reply), resolve.rule.duration, dayOf(resolve)))
        continue;
      const key = `${reply.policy.id}|${resolve.policy.id}`;
      const entry = conflicts.get(key) ?? { reply, resolve, scopes: [] };
      entry.scopes.push(scopeText(category, urgency));
      conflicts.set(key, entry);
    }
  }
  return [...conflicts.values()].map(({ reply, resolve, scopes }) => {
    const field =
      reply.policy === saved ? 'definition.timers.reply.duration' : 'definition.timers.resolve.duration';
    const shown = scopes.length > 4 ? [...scopes.slice(0, 4), `${scopes.length - 4} more`] : scopes;
    return {
      field,
      messages: [
        `the reply deadline (${formatDuration(reply.rule.duration)}, policy ${reply.policy.name}) could come after ` +
          `the resolution deadline (${formatDuration(resolve.rule.duration)}, policy ${resolve.policy.name}) ` +
          `for ${shown.join(', ')}: the enterprise's answer must be due no later than the resolution`,
      ],
    };
  });
}
