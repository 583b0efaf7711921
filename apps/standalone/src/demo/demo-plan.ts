import { WorkCalendar } from '@ticketing/calendar';
import type { Satisfaction, Urgency } from '@ticketing/contracts';
import { DEMO_PROBLEMS, DemoCategory, DemoProblem } from './demo-content';

/**
 * The demo quarter as a plan: which enterprise raises what, when, and how each ticket goes on
 * from there — acknowledged on time or late, extended, transferred, reopened, rated — with the
 * moment of every step. Pure and deterministic (a seeded generator), so every first start tells
 * the same story relative to its date. The seeder plays it through the real commands; the
 * deadlines, the lateness and every figure then come from the services themselves: the plan only
 * chooses when people act.
 */

export type StaffChannel = 'phone' | 'walk_in' | 'letter' | 'group_chat';

/** Who files it: the enterprise's own user, its grid's instructor on a visit, or committee staff. */
export type Submitter = { by: 'enterprise' } | { by: 'visit' } | { by: 'committee'; channel: StaffChannel };

export type DemoStep =
  | { kind: 'withdraw' }
  | { kind: 'assignFromTriage' }
  | { kind: 'acknowledge' }
  | { kind: 'interimReply' }
  | { kind: 'reportParts' }
  | { kind: 'requestTransfer' }
  | { kind: 'decideTransfer'; approved: boolean }
  | { kind: 'requestExtension' }
  | { kind: 'decideExtension'; approved: boolean }
  | { kind: 'supervise'; level: 'urge' | 'supervise' }
  | { kind: 'resolve' }
  | { kind: 'reply' }
  | { kind: 'feedback'; satisfaction: Satisfaction; solved: boolean }
  | { kind: 'reopen' }
  | { kind: 'close' }
  | { kind: 'callback'; satisfaction: Satisfaction };

export type TimedStep = DemoStep & { at: Date };

export interface DemoStory {
  /** 0-based, in order of submission. */
  index: number;
  enterpriseIndex: number;
  category: DemoCategory;
  problem: DemoProblem;
  urgency: Urgency;
  submitter: Submitter;
  submitAt: Date;
  /** Only the steps before the plan's end: later ones have not happened yet (open tickets). */
  steps: TimedStep[];
}

export interface DemoEnterprise {
  /** Whether the instructor's grids hold it: only those can be visited. */
  visitable: boolean;
}

export interface PlanOptions {
  /** The quarter ends here (now); it starts three months before. */
  end: Date;
  calendar: WorkCalendar;
  enterprises: DemoEnterprise[];
  /** Tickets in the quarter (default 150). */
  tickets?: number;
  seed?: number;
}

/** A small seeded generator (mulberry32): the same seed, the same quarter. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HOUR = 3_600_000;
/** Working hours in a working day (09:00–12:00, 13:30–17:30). */
const DAY_HOURS = 7;

/**
 * How long each clock of the default policies gives, in working hours: enough to aim on time or
 * late. A deadline of N working days ends with the N-th working day after the start's day, so
 * acting within 0.75·N·7 working hours is on time, and after (N+1)·7 it is late whatever the hour.
 */
function budgets(category: DemoCategory, urgency: Urgency): { respond: number; resolve: number } {
  if (urgency === 'critical') return { respond: 1, resolve: 2 };
  if (urgency === 'urgent') return { respond: 2, resolve: DAY_HOURS };
  return { respond: DAY_HOURS, resolve: (category === 'utilities' ? 2 : 5) * DAY_HOURS };
}
const daysBased = (urgency: Urgency) => urgency === 'normal';

type Outcome =
  | 'closed'
  | 'lateAck'
  | 'lateResolve'
  | 'extended'
  | 'extensionRefused'
  | 'transferred'
  | 'transferRefused'
  | 'reopened'
  | 'unsatisfiedClosed'
  | 'noFeedback'
  | 'callback'
  | 'withdrawn';

/** How the quarter's tickets end (weights; the recent ones are cut off by the end, so still open). */
const OUTCOMES: [Outcome, number][] = [
  ['closed', 52],
  ['lateAck', 8],
  ['lateResolve', 7],
  ['extended', 6],
  ['extensionRefused', 2],
  ['transferred', 5],
  ['transferRefused', 2],
  ['reopened', 7],
  ['unsatisfiedClosed', 2],
  ['noFeedback', 3],
  ['callback', 3],
  ['withdrawn', 3],
];

const CATEGORY_WEIGHTS: [DemoCategory, number][] = [
  ['labour', 16],
  ['finance', 10],
  ['policy', 14],
  ['approval', 9],
  ['planning', 5],
  ['land', 5],
  ['utilities', 8],
  ['transport', 6],
  ['legal', 5],
  ['tax', 7],
  ['market', 5],
  ['technology', 5],
  ['safety_environment', 6],
  ['other', 7],
];

function pick<T>(random: () => number, weighted: [T, number][]): T {
  const total = weighted.reduce((n, [, w]) => n + w, 0);
  let r = random() * total;
  for (const [v, w] of weighted) {
    r -= w;
    if (r < 0) return v;
  }
  return weighted[weighted.length - 1][0];
}

const between = (random: () => number, lo: number, hi: number) => lo + random() * (hi - lo);

export function planDemoQuarter(o: PlanOptions): DemoStory[] {
  const random = seededRandom(o.seed ?? 20260901);
  const cal = o.calendar;
  const end = o.end.getTime();
  const start = new Date(o.end);
  start.setUTCMonth(start.getUTCMonth() - 3);
  // Working moments of the quarter, weighted towards the later months (the channel catches on).
  const span = cal.workingMsBetween(start, o.end);
  const count = o.tickets ?? 150;
  const submissions = Array.from({ length: count }, () => Math.sqrt(random()))
    .map((f) => cal.addWorkingMsEpoch(start.getTime(), Math.floor(f * span * 0.995)))
    .sort((a, b) => a - b);

  const later = (at: number, hours: number) => cal.addWorkingMsEpoch(at, Math.round(hours * HOUR));
  const recentByEnterprise = new Map<number, { problem: DemoProblem; at: number }[]>();
  const visitable = o.enterprises.map((e, i) => (e.visitable ? i : -1)).filter((i) => i >= 0);

  // Each ending in its share, shuffled: every kind of story is told whatever the draw.
  const total = OUTCOMES.reduce((n, [, w]) => n + w, 0);
  const endings = OUTCOMES.flatMap(([o, w]) =>
    Array.from({ length: Math.round((w * count) / total) }, () => o),
  );
  while (endings.length < count) endings.push('closed');
  for (let i = endings.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [endings[i], endings[j]] = [endings[j], endings[i]];
  }

  const raw: RawStory[] = submissions.map((submitAt, index) => {
    const outcome = endings[index];
    const submitter: Submitter =
      random() < 0.12 && visitable.length
        ? { by: 'visit' }
        : random() < 0.13
          ? {
              by: 'committee',
              channel: pick(random, [
                ['phone', 5],
                ['walk_in', 2],
                ['letter', 1],
                ['group_chat', 2],
              ]),
            }
          : { by: 'enterprise' };
    const enterpriseIndex =
      submitter.by === 'visit'
        ? visitable[Math.floor(random() * visitable.length)]
        : Math.floor(random() * o.enterprises.length);
    const wantsTransfer = outcome === 'transferred' || outcome === 'transferRefused';
    let category = wantsTransfer
      ? pick(random, [
          ['safety_environment', 2],
          ['approval', 1],
          ['transport', 1],
          ['utilities', 1],
        ] as [DemoCategory, number][])
      : pick(random, CATEGORY_WEIGHTS);
    // Withdrawn and triaged tickets keep simple: no extension, transfer or reopen on the desk's own.
    if (category === 'other' && outcome !== 'withdrawn' && outcome !== 'closed' && outcome !== 'lateAck')
      category = 'policy';
    const problem = choose(random, category, wantsTransfer, enterpriseIndex, submitAt, recentByEnterprise);
    const urgency: Urgency =
      category === 'utilities' && random() < 0.5
        ? 'urgent'
        : random() < 0.08
          ? 'urgent'
          : random() < 0.03
            ? 'critical'
            : 'normal';
    const steps = stepsOf(outcome, category, urgency, submitAt, random, later);
    return { index, enterpriseIndex, category, problem, urgency, submitter, submitAt, steps };
  });
  return onSlots(raw, slotsOf(cal, start, o.end, random), end);
}

/**
 * The moments people act at: three a working day (early and late morning, the afternoon, a
 * different minute each day). Everything of the quarter happens at one of them, so
 * the seeder replays a few hundred moments, not a thousand.
 */
export function slotsOf(cal: WorkCalendar, start: Date, end: Date, random: () => number): number[] {
  const windows = [
    [9 * 60 + 5, 10 * 60 + 20],
    [10 * 60 + 40, 11 * 60 + 50],
    [14 * 60 + 10, 16 * 60 + 50],
  ];
  const slots: number[] = [];
  for (let day = cal.startOfDay(cal.localDate(start)).getTime(); day < end.getTime(); day += 24 * HOUR) {
    const date = cal.localDate(new Date(day + 12 * HOUR));
    if (!cal.isWorkingDay(date)) continue;
    const midnight = cal.startOfDay(date).getTime();
    for (const [lo, hi] of windows) {
      const at = midnight + Math.round(between(random, lo, hi)) * 60_000 + Math.floor(random() * 60) * 1000;
      if (at > start.getTime() && at < end.getTime()) slots.push(at);
    }
  }
  return slots;
}

interface RawStory extends Omit<DemoStory, 'submitAt'> {
  submitAt: number;
}

/**
 * Moves every submission and step to the first slot at or after it, each step of a ticket to a
 * later slot than the step before (what one step causes settles before the next); drops what
 * falls after the end (not happened yet) and submissions with no slot left.
 */
function onSlots(stories: RawStory[], slots: number[], end: number): DemoStory[] {
  const ceil = (at: number): number => {
    let lo = 0;
    let hi = slots.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (slots[mid] < at) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  };
  const placed: DemoStory[] = [];
  for (const story of stories) {
    let slot = ceil(story.submitAt);
    if (slot >= slots.length) continue;
    const submitAt = new Date(slots[slot]);
    const steps: TimedStep[] = [];
    for (const step of story.steps) {
      slot = Math.max(ceil(step.at.getTime()), slot + 1);
      if (slot >= slots.length || slots[slot] >= end) break;
      steps.push({ ...step, at: new Date(slots[slot]) });
    }
    placed.push({ ...story, index: placed.length, submitAt, steps });
  }
  return placed;
}

/** A problem of the category the enterprise has not raised in the last 30 days (no duplicate warning). */
function choose(
  random: () => number,
  category: DemoCategory,
  wantsTransfer: boolean,
  enterpriseIndex: number,
  at: number,
  recent: Map<number, { problem: DemoProblem; at: number }[]>,
): DemoProblem {
  const mine = (recent.get(enterpriseIndex) ?? []).filter((r) => at - r.at < 45 * 24 * HOUR);
  const options = DEMO_PROBLEMS[category].filter((p) => !wantsTransfer || p.transfer);
  const fresh = options.filter((p) => !mine.some((r) => r.problem === p));
  const from = fresh.length ? fresh : options;
  const problem = from[Math.floor(random() * from.length)];
  recent.set(enterpriseIndex, [...mine, { problem, at }]);
  return problem;
}

function stepsOf(
  outcome: Outcome,
  category: DemoCategory,
  urgency: Urgency,
  submitAt: number,
  random: () => number,
  later: (at: number, hours: number) => number,
): TimedStep[] {
  const steps: TimedStep[] = [];
  let t = submitAt;
  /** Working hours since the last acknowledgement. */
  let sinceAck = 0;
  const add = (hours: number, step: DemoStep) => {
    const h = Math.max(0.1, hours);
    t = later(t, h);
    sinceAck += h;
    steps.push({ ...step, at: new Date(t) } as TimedStep);
  };
  const b = budgets(category, urgency);
  const onTime = (budget: number, lo: number, hi: number) => between(random, lo, hi) * budget;
  /** Surely past a deadline of `budget` working hours (or days, ending with the day). */
  const late = (budget: number) =>
    daysBased(urgency) ? budget + DAY_HOURS + between(random, 3, 12) : budget * between(random, 1.6, 2.5);
  /** Just before a late step, and already past the deadline: when the committee steps in. */
  const lateNotice = () => (daysBased(urgency) ? between(random, 0.5, 1) : b.respond * 0.25);
  const acknowledge = (hours: number) => {
    add(hours, { kind: 'acknowledge' });
    sinceAck = 0;
  };
  /** Co-handlers report, perhaps a progress reply, the resolution `resolveIn` after signing, the answer. */
  const handle = (resolveIn: number, opts: { interim?: boolean; parts?: boolean } = {}) => {
    if (opts.parts !== false) add(Math.min(resolveIn * 0.4, between(random, 1, 10)), { kind: 'reportParts' });
    if (opts.interim) add(Math.min(resolveIn * 0.3, between(random, 1, 6)), { kind: 'interimReply' });
    add(resolveIn - sinceAck, { kind: 'resolve' });
    add(between(random, 0.05, 0.5), { kind: 'reply' });
  };
  const rate = (satisfaction: Satisfaction) =>
    add(between(random, 0.5, 14), { kind: 'feedback', satisfaction, solved: satisfaction !== 'unsatisfied' });

  if (outcome === 'withdrawn') {
    add(between(random, 0.3, 2.5), { kind: 'withdraw' });
    return steps;
  }
  if (category === 'other') {
    // The committee's desk names the departments; one in five waits past its 2 working hours.
    add(random() < 0.2 ? between(random, 2.5, 5) : between(random, 0.3, 1.5), { kind: 'assignFromTriage' });
  }
  if (outcome === 'transferred' || outcome === 'transferRefused') {
    // The first department objects before signing; the committee arbitrates within its working day.
    add(between(random, 0.5, 3), { kind: 'requestTransfer' });
    add(between(random, 1, 5), { kind: 'decideTransfer', approved: outcome === 'transferred' });
  }
  if (outcome === 'lateAck') {
    const ackIn = late(b.respond);
    const notice = lateNotice();
    add(ackIn - notice, { kind: 'supervise', level: 'urge' });
    acknowledge(notice);
  } else {
    acknowledge(onTime(b.respond, 0.05, 0.5));
  }

  switch (outcome) {
    case 'lateResolve': {
      const resolveIn = late(b.resolve);
      add(resolveIn - lateNotice() - sinceAck, { kind: 'supervise', level: 'supervise' });
      handle(resolveIn, { parts: false });
      break;
    }
    case 'extended':
    case 'extensionRefused':
      add(onTime(b.resolve, 0.3, 0.5), { kind: 'requestExtension' });
      add(between(random, 0.5, 3), { kind: 'decideExtension', approved: outcome === 'extended' });
      // Past the first deadline: within the extension when approved, late when refused.
      handle(late(b.resolve), { interim: true });
      break;
    default:
      handle(onTime(b.resolve, 0.2, 0.7), { interim: random() < 0.3 });
  }

  switch (outcome) {
    case 'reopened':
      rate('unsatisfied');
      add(between(random, 0.5, 4), { kind: 'reopen' });
      acknowledge(onTime(b.respond, 0.05, 0.4));
      handle(onTime(b.resolve, 0.2, 0.6), { parts: false });
      rate(random() < 0.6 ? 'satisfied' : 'basically_satisfied');
      break;
    case 'unsatisfiedClosed':
      rate('unsatisfied');
      add(between(random, 1, 6), { kind: 'close' });
      break;
    case 'noFeedback':
      break; // the rating window lapses, then the callback window: closed without feedback
    case 'callback':
      // Nobody rated within 5 working days; the committee calls within its 3 days after.
      add(6 * DAY_HOURS + between(random, 1, 10), {
        kind: 'callback',
        satisfaction: random() < 0.7 ? 'satisfied' : 'basically_satisfied',
      });
      break;
    default: {
      const r = random();
      const wasLate = outcome === 'lateAck' || outcome === 'lateResolve' || outcome === 'extensionRefused';
      rate(
        wasLate
          ? r < 0.45
            ? 'basically_satisfied'
            : r < 0.8
              ? 'satisfied'
              : 'unsatisfied'
          : r < 0.78
            ? 'satisfied'
            : r < 0.96
              ? 'basically_satisfied'
              : 'unsatisfied',
      );
    }
  }
  return steps;
}
