import { AuthUser, TokenService } from '@ticketing/auth';
import { createChinaWorkCalendar } from '@ticketing/calendar';
import { Clock, DEFAULT_DEPARTMENTS, departmentIdByCode, Role } from '@ticketing/contracts';
import type { RunningService } from '@ticketing/platform';
import type { Logger } from 'pino';
import { DemoApi, DemoApiError } from './demo-api';
import {
  CALLBACK_COMMENTS,
  EXTENSION_DECISION_NOTES,
  EXTENSION_REASONS,
  FEEDBACK_COMMENTS,
  REOPEN_REASONS,
  SUPERVISE_NOTES,
  TRANSFER_DECISION_NOTES,
  TRANSFER_REASONS,
  TRIAGE_NOTES,
  VISIT_FINDINGS,
  VISIT_TOPICS,
} from './demo-content';
import { DemoStory, planDemoQuarter, TimedStep } from './demo-plan';
import { Quiet } from './quiet';
import { SEEDING_KEY_HEADER, SeedingGate } from './seeding-gate';

/** The demo directory's password (README: demo logins); the seeder logs in once, as the admin. */
const DEMO_PASSWORD = 'Demo@2026';

interface UserRow {
  id: string;
  username: string;
  displayName: string;
  role: Role;
  enterpriseId: string | null;
  departmentId: string | null;
  gridIds: string[];
  active: boolean;
}
interface EnterpriseRow {
  id: string;
  name: string;
  gridId: string | null;
  active: boolean;
  contacts: { name: string; phone: string }[];
}
interface TicketView {
  id: string;
  status: string;
  version: number;
  enterpriseId: string;
  submittedBy: { id: string; role: string };
  leadDepartment: { id: string } | null;
  parts: { department: { id: string }; role: 'lead' | 'co_handler'; reportedAt: string | null }[];
  deadlines: { resolve: string | null; feedbackLapsedAt: string | null };
}

export interface DemoQuarterReport {
  tickets: number;
  steps: number;
  /** Steps that could not be taken as planned (the ticket was elsewhere), with why. */
  skipped: { ticket: number; step: string; why: string }[];
  rounds: number;
  seconds: number;
}

export interface DemoQuarterOptions {
  logger: Logger;
  /** Tickets in the quarter (default 150). */
  tickets?: number;
}

/** What the seeder found, or why it seeds nothing. */
type Readiness = { seed: false; why: string } | { seed: true; admin: AuthUser; refreshToken: string };

/**
 * Replays a quarter of the zone's work into an empty system, through the real API as the demo's
 * people: enterprises blow the whistle (a few through their instructor's visit, a few by phone to
 * the committee), dispatch routes by its rules, departments sign, report, ask for more time or to
 * hand a ticket on, resolve and answer, enterprises rate and sometimes reopen. The process lives
 * at each moment of the plan in turn (Clock.travel), and waits for every consequence (routing,
 * deadlines, warnings and breaches, the ledger, notifications) before the next: the SLA engine
 * fires what falls due at its time, so lateness, figures and the chain are the services' own.
 */
export async function seedDemoQuarter(
  running: RunningService,
  gate: SeedingGate,
  o: DemoQuarterOptions,
): Promise<DemoQuarterReport | null> {
  if (running.runtime.transport.kind !== 'local') {
    o.logger.info('demo quarter not seeded: it needs the in-process transport (no KAFKA_BROKERS)');
    return null;
  }
  const tokens = running.app.get(TokenService);
  const api = new DemoApi(running.url, tokens, { [SEEDING_KEY_HEADER]: gate.key });
  const ready = await readiness(api);
  if (!ready.seed) {
    o.logger.info(`demo quarter not seeded: ${ready.why}`);
    return null;
  }
  const started = Date.now();
  const quiet = await Quiet.connect(running.runtime.databaseUrl);
  gate.close();
  try {
    o.logger.info('seeding a quarter of demo tickets through the API (first start only) …');
    const seeder = await DemoQuarter.prepare(o.logger, api, ready.admin, o.tickets ?? 150);
    const report = await seeder.play(quiet);
    report.seconds = Math.round((Date.now() - started) / 100) / 10;
    o.logger.info(
      {
        tickets: report.tickets,
        steps: report.steps,
        skipped: report.skipped.length,
        seconds: report.seconds,
      },
      `demo quarter seeded: ${report.tickets} tickets, ${report.steps} steps in ${report.seconds} s`,
    );
    if (report.skipped.length) o.logger.debug({ skipped: report.skipped }, 'demo steps not taken');
    return report;
  } finally {
    Clock.resume();
    gate.open();
    await quiet.close();
    await api
      .post(null, '/api/v1/identity/auth/logout', { refreshToken: ready.refreshToken })
      .catch(() => undefined);
  }
}

async function readiness(api: DemoApi): Promise<Readiness> {
  let session: { accessToken: string; refreshToken: string; user: UserRow };
  try {
    session = await api.post(null, '/api/v1/identity/auth/login', {
      username: 'admin',
      password: DEMO_PASSWORD,
    });
  } catch (e) {
    if (e instanceof DemoApiError && e.status < 500)
      return { seed: false, why: 'no demo directory (the demo admin does not log in)' };
    throw e;
  }
  const admin = asAuthUser(session.user);
  const users = await api.all<UserRow>(admin, '/api/v1/identity/users?role=committee');
  if (!users.length) return { seed: false, why: 'no committee user in the directory' };
  const tickets = await api.get<{ items: unknown[] }>(asAuthUser(users[0]), '/api/v1/tickets?limit=1');
  if (tickets.items.length) return { seed: false, why: 'tickets exist already' };
  return { seed: true, admin, refreshToken: session.refreshToken };
}

const asAuthUser = (u: UserRow): AuthUser => ({
  id: u.id,
  role: u.role,
  name: u.displayName,
  ...(u.enterpriseId ? { enterpriseId: u.enterpriseId } : {}),
  ...(u.departmentId ? { departmentId: u.departmentId } : {}),
  ...(u.gridIds?.length ? { gridIds: u.gridIds } : {}),
});

/** What a ticket's change answers. */
type Changed = Pick<TicketView, 'status' | 'version'>;

/**
 * Steps after which the seeder's copy of a ticket is right but for status and version: no other
 * service answers them with a change the next step reads (a new lead, a deadline).
 */
const KEEPS_VIEW = new Set<TimedStep['kind']>([
  'acknowledge',
  'interimReply',
  'reportParts',
  'resolve',
  'reply',
  'supervise',
]);

/** Picks the n-th of a list of texts for a ticket, so neighbours do not all say the same. */
const nth = <T>(list: readonly T[], n: number): T => list[n % list.length];

class DemoQuarter {
  private readonly tickets = new Map<number, string>();
  private readonly visits = new Map<number, string>();
  private readonly abandoned = new Set<number>();
  /** Each ticket as last read or changed by the seeder, with the step that changed it. */
  private readonly views = new Map<number, { view: TicketView; after: TimedStep['kind'] }>();
  private submitted = 0;
  private readonly skipped: DemoQuarterReport['skipped'] = [];
  private steps = 0;
  private readonly calendar = createChinaWorkCalendar();

  private constructor(
    private readonly logger: Logger,
    private readonly api: DemoApi,
    private readonly admin: AuthUser,
    private readonly committee: AuthUser,
    private readonly instructor: AuthUser | null,
    private readonly departments: Map<string, AuthUser>,
    private readonly enterprises: EnterpriseRow[],
    private readonly enterpriseUsers: Map<string, AuthUser>,
    private readonly stories: DemoStory[],
  ) {}

  static async prepare(logger: Logger, api: DemoApi, admin: AuthUser, count: number): Promise<DemoQuarter> {
    const users = (await api.all<UserRow>(admin, '/api/v1/identity/users')).filter((u) => u.active);
    const committee =
      users.find((u) => u.username === 'committee') ?? users.find((u) => u.role === 'committee');
    if (!committee) throw new Error('demo quarter: no committee user');
    const instructor =
      users.find((u) => u.username === 'instructor') ?? users.find((u) => u.role === 'instructor');
    const departments = new Map<string, AuthUser>();
    // The department's duty account (dept-<code>) first, any of its users otherwise.
    for (const u of [...users].sort(
      (a, b) => Number(b.username.startsWith('dept-')) - Number(a.username.startsWith('dept-')),
    ))
      if (u.role === 'department' && u.departmentId && !departments.has(u.departmentId))
        departments.set(u.departmentId, asAuthUser(u));
    const enterprises = (await api.all<EnterpriseRow>(admin, '/api/v1/identity/enterprises')).filter(
      (e) => e.active,
    );
    const enterpriseUsers = new Map<string, AuthUser>();
    for (const u of users)
      if (u.role === 'enterprise' && u.enterpriseId && !enterpriseUsers.has(u.enterpriseId))
        enterpriseUsers.set(u.enterpriseId, asAuthUser(u));
    const gridIds = new Set(instructor?.gridIds ?? []);
    // A few minutes short of now: the last moment of the plan has happened before the process opens.
    const end = new Date(Clock.nowMs() - 5 * 60_000);
    const stories = planDemoQuarter({
      end,
      calendar: createChinaWorkCalendar(),
      enterprises: enterprises.map((e) => ({ visitable: !!e.gridId && gridIds.has(e.gridId) })),
      tickets: count,
    });
    return new DemoQuarter(
      logger,
      api,
      admin,
      asAuthUser(committee),
      instructor ? asAuthUser(instructor) : null,
      departments,
      enterprises,
      enterpriseUsers,
      stories,
    );
  }

  async play(quiet: Quiet): Promise<DemoQuarterReport> {
    const rounds = new Map<number, { story: DemoStory; step: TimedStep | null }[]>();
    const at = (t: number) => rounds.get(t) ?? (rounds.set(t, []), rounds.get(t)!);
    for (const story of this.stories) {
      at(story.submitAt.getTime()).push({ story, step: null });
      for (const step of story.steps) at(step.at.getTime()).push({ story, step });
    }
    const moments = [...rounds.keys()].sort((a, b) => a - b);
    // The admin opens an account for each enterprise that has none, a little before the first ticket.
    this.moveTo(moments[0] - 20 * 60_000);
    await this.openEnterpriseAccounts();
    await quiet.settle();
    let acting = 0;
    let settling = 0;
    for (const [i, moment] of moments.entries()) {
      this.moveTo(moment);
      const actions = rounds.get(moment)!;
      const t0 = Date.now();
      await inParallel(actions, 8, ({ story, step }) => (step ? this.take(story, step) : this.submit(story)));
      const t1 = Date.now();
      await quiet.settle();
      acting += t1 - t0;
      settling += Date.now() - t1;
      if ((i + 1) % 25 === 0)
        this.logger.info(
          { moment: i + 1, of: moments.length, actingMs: acting, settlingMs: settling, ...quiet.spent },
          `demo quarter: ${i + 1} of ${moments.length} moments replayed`,
        );
    }
    // Up to the plan's end, so whatever fell due meanwhile fires at its time, not at the next start.
    this.moveTo(Clock.nowMs());
    await quiet.settle();
    return {
      tickets: this.submitted,
      steps: this.steps,
      skipped: this.skipped,
      rounds: moments.length,
      seconds: 0,
    };
  }

  /** To `at`, or on by a millisecond if the simulation is past it already (time only moves forward). */
  private moveTo(at: number): void {
    Clock.travel(new Date(Clock.simulating ? Math.max(at, Clock.nowMs() + 1) : at));
  }

  private async openEnterpriseAccounts(): Promise<void> {
    let n = 1;
    for (const e of this.enterprises) {
      if (this.enterpriseUsers.has(e.id)) continue;
      n++;
      const contact = e.contacts[0];
      const user = await this.api.post<UserRow>(this.admin, '/api/v1/identity/users', {
        username: `enterprise-${String(n).padStart(2, '0')}`,
        displayName: contact ? `${e.name.replace(/有限公司|专业合作社/g, '')} ${contact.name}` : e.name,
        role: 'enterprise',
        enterpriseId: e.id,
        ...(contact?.phone && /^1\d{10}$/.test(contact.phone) ? { mobile: contact.phone } : {}),
        initialPassword: DEMO_PASSWORD,
      });
      this.enterpriseUsers.set(e.id, asAuthUser(user));
    }
  }

  private async submit(story: DemoStory): Promise<void> {
    const enterprise = this.enterprises[story.enterpriseIndex];
    const contact = enterprise.contacts[0] ?? { name: '企业联系人', phone: '13800000000' };
    const problem = {
      title: story.problem.title,
      description: story.problem.description,
      category: story.category,
      urgency: story.urgency,
      contact: { name: contact.name, phone: contact.phone },
    };
    const key = { 'idempotency-key': `demo-quarter-${story.index}` };
    try {
      if (story.submitter.by === 'visit' && this.instructor) {
        const visit = await this.api.post<{ id: string }>(
          this.instructor,
          '/api/v1/outreach/visits',
          {
            enterpriseId: enterprise.id,
            visitedAt: new Date(story.submitAt.getTime() - 40 * 60_000).toISOString(),
            mode: 'on_site',
            topics: VISIT_TOPICS,
            findings: VISIT_FINDINGS,
            problems: [problem],
          },
          key,
        );
        this.visits.set(story.index, visit.id);
        this.submitted++;
      } else {
        const s = story.submitter;
        const by = s.by === 'committee' ? this.committee : this.enterpriseUsers.get(enterprise.id);
        if (!by) throw new Error(`no user for ${enterprise.name}`);
        const body = {
          ...problem,
          ...(s.by === 'committee' ? { enterpriseId: enterprise.id, channel: s.channel } : {}),
        };
        const ticket = await this.api
          .post<{ id: string }>(by, '/api/v1/tickets', body, key)
          .catch((e: unknown) =>
            // The same enterprise asked something alike lately: it files this one anyway.
            e instanceof DemoApiError && e.kind === 'possibleDuplicate'
              ? this.api.post<{ id: string }>(
                  by,
                  '/api/v1/tickets',
                  { ...body, confirmNotDuplicate: true },
                  key,
                )
              : Promise.reject(e),
          );
        this.tickets.set(story.index, ticket.id);
        this.submitted++;
      }
      this.steps++;
    } catch (e) {
      this.give_up(story, 'submit', e);
    }
  }

  private give_up(story: DemoStory, step: string, e: unknown): void {
    this.abandoned.add(story.index);
    this.skipped.push({ ticket: story.index, step, why: e instanceof Error ? e.message : String(e) });
  }

  private async ticketOf(story: DemoStory): Promise<string | null> {
    const known = this.tickets.get(story.index);
    if (known) return known;
    const visitId = this.visits.get(story.index);
    if (!visitId || !this.instructor) return null;
    const visit = await this.api.get<{ problems: { ticket: { id: string } | null }[] }>(
      this.instructor,
      `/api/v1/outreach/visits/${visitId}`,
    );
    const id = visit.problems[0]?.ticket?.id ?? null;
    if (id) this.tickets.set(story.index, id);
    return id;
  }

  private view(id: string): Promise<TicketView> {
    return this.api.get<TicketView>(this.committee, `/api/v1/tickets/${id}`);
  }

  private leadOf(t: TicketView): AuthUser {
    const user = t.leadDepartment && this.departments.get(t.leadDepartment.id);
    if (!user) throw new Error(`no user for the lead department of ticket ${t.id}`);
    return user;
  }

  private enterpriseOf(t: TicketView): AuthUser {
    const user = this.enterpriseUsers.get(t.enterpriseId);
    if (!user) throw new Error(`no user for enterprise ${t.enterpriseId}`);
    return user;
  }

  /** One step of a ticket, as the person whose step it is; a stale version is read again and retried. */
  private async take(story: DemoStory, step: TimedStep): Promise<void> {
    if (this.abandoned.has(story.index)) return;
    try {
      const id = await this.ticketOf(story);
      if (!id) throw new Error('the ticket of the visit was not submitted');
      for (let attempt = 1; ; attempt++) {
        try {
          const known = this.views.get(story.index);
          const t = attempt === 1 && known && KEEPS_VIEW.has(known.after) ? known.view : await this.view(id);
          const changed = await this.act(story, step, id, t);
          if (changed) this.views.set(story.index, { view: { ...t, ...changed }, after: step.kind });
          else this.views.delete(story.index);
          this.steps++;
          return;
        } catch (e) {
          if (!(e instanceof DemoApiError && e.kind === 'versionConflict') || attempt >= 3) throw e;
        }
      }
    } catch (e) {
      this.give_up(story, step.kind, e);
    }
  }

  /** A change of the ticket, answered with its new status and version; anything else with nothing. */
  private async change(as: AuthUser, path: string, body: unknown): Promise<Changed | undefined> {
    const r = await this.api.post<Partial<Changed> | undefined>(as, path, body);
    return path.startsWith('/api/v1/tickets/') &&
      r &&
      typeof r.version === 'number' &&
      typeof r.status === 'string'
      ? { status: r.status, version: r.version }
      : undefined;
  }

  /**
   * Takes the step as the person whose step it is; answers the ticket's new status and version
   * when the step changed the ticket.
   */
  private async act(
    story: DemoStory,
    step: TimedStep,
    id: string,
    t: TicketView,
  ): Promise<Changed | undefined> {
    const p = `/api/v1/tickets/${id}`;
    const v = { expectedVersion: t.version };
    const n = story.index;
    switch (step.kind) {
      case 'withdraw':
        return this.change(this.enterpriseOf(t), `${p}/withdraw`, {
          ...v,
          reason: '问题已自行解决，撤回诉求。',
        });
      case 'assignFromTriage': {
        const to = story.problem.triageTo ?? 'econ_dev';
        return this.change(this.committee, `/api/v1/dispatch/triage/${id}/assign`, {
          leadDepartmentId: departmentIdByCode(to),
          coHandlerDepartmentIds: [],
          note: TRIAGE_NOTES,
        });
      }
      case 'acknowledge':
        return this.change(this.leadOf(t), `${p}/acknowledge`, v);
      case 'interimReply':
        return this.change(this.leadOf(t), `${p}/interim-reply`, {
          ...v,
          message: story.problem.interim,
        });
      case 'reportParts':
        return this.reportParts(t);
      case 'requestTransfer':
        return this.change(this.leadOf(t), `${p}/request-transfer`, {
          ...v,
          reason: nth(TRANSFER_REASONS, n),
        });
      case 'decideTransfer': {
        const pending = await this.api.all<{ id: string; ticketId: string }>(
          this.committee,
          '/api/v1/dispatch/transfers?status=pending',
        );
        const request = pending.find((r) => r.ticketId === id);
        if (!request) throw new Error('no pending transfer request');
        const to = story.problem.transfer?.to;
        return this.change(this.committee, `/api/v1/dispatch/transfers/${request.id}/decision`, {
          approved: step.approved && !!to,
          ...(step.approved && to
            ? { leadDepartmentId: departmentIdByCode(to), coHandlerDepartmentIds: [] }
            : {}),
          note: step.approved ? TRANSFER_DECISION_NOTES.approved : TRANSFER_DECISION_NOTES.rejected,
        });
      }
      case 'requestExtension': {
        const due = t.deadlines.resolve ? new Date(t.deadlines.resolve) : new Date(Clock.nowMs());
        return this.change(this.leadOf(t), `${p}/request-extension`, {
          ...v,
          reason: nth(EXTENSION_REASONS, n),
          proposedDueAt: this.calendar.addWorkingDays(due, 5).toISOString(),
        });
      }
      case 'decideExtension':
        return this.change(this.committee, `${p}/decide-extension`, {
          ...v,
          approved: step.approved,
          note: step.approved ? EXTENSION_DECISION_NOTES.approved : EXTENSION_DECISION_NOTES.rejected,
        });
      case 'supervise':
        return this.change(this.committee, `${p}/supervise`, {
          ...v,
          level: step.level,
          note: SUPERVISE_NOTES[step.level],
        });
      case 'resolve': {
        const latest = await this.reportParts(t);
        return this.change(this.leadOf(latest), `${p}/resolve`, {
          expectedVersion: latest.version,
          result: story.problem.result,
        });
      }
      case 'reply':
        return this.change(this.leadOf(t), `${p}/reply`, {
          ...v,
          message: story.problem.reply,
        });
      case 'feedback':
        return this.change(this.enterpriseOf(t), `${p}/feedback`, {
          ...v,
          contacted: true,
          solved: step.solved,
          satisfaction: step.satisfaction,
          comment: nth(FEEDBACK_COMMENTS[step.satisfaction], n),
        });
      case 'reopen':
        return this.change(this.enterpriseOf(t), `${p}/reopen`, {
          ...v,
          reason: nth(REOPEN_REASONS, n),
        });
      case 'close':
        return this.change(this.enterpriseOf(t), `${p}/close`, {
          ...v,
          reason: '问题暂无法解决，先行关闭。',
        });
      case 'callback':
        return this.change(this.committee, `${p}/callback`, {
          ...v,
          contacted: true,
          solved: true,
          satisfaction: step.satisfaction,
          comment: nth(CALLBACK_COMMENTS, n),
        });
    }
  }

  /** Each co-handler that has not reported yet reports its part; the ticket as it is then. */
  private async reportParts(t: TicketView): Promise<TicketView> {
    let current = t;
    for (const part of t.parts.filter((x) => x.role === 'co_handler' && !x.reportedAt)) {
      const user = this.departments.get(part.department.id);
      if (!user) continue;
      const name = DEFAULT_DEPARTMENTS.find((d) => d.id === part.department.id)?.zh ?? '协办部门';
      await this.api.post(user, `/api/v1/tickets/${t.id}/report-part`, {
        expectedVersion: current.version,
        content: `${name}已按职责完成配合工作，相关情况已同步牵头部门。`,
      });
      current = await this.view(t.id);
    }
    return current;
  }
}

/** Runs `work` over the items, at most `limit` at a time. */
async function inParallel<T>(items: T[], limit: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(limit, items.length) }, async () => {
      while (next < items.length) await work(items[next++]);
    }),
  );
}
