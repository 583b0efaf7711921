import { randomUUID } from 'node:crypto';
import { DEFAULT_DEPARTMENTS } from '@ticketing/contracts';
import { call, Reply, sleep } from './http';

/**
 * The simulated users of the load bench and the fault test. Enterprises submit tickets on an
 * open-loop schedule; every lead department polls its queue and acknowledges what appears;
 * co-handlers report their parts; the lead resolves and replies; the enterprise rates the answer
 * as satisfied, which closes the ticket. Every step is safe to retry: submit carries an
 * Idempotency-Key and every action an expectedVersion, so a step whose answer was lost (5xx,
 * connection reset during a fault) is retried after reading the ticket back, never done twice.
 */
export const DEMO_PASSWORD = 'Demo@2026';
const LOAD_PASSWORD = 'Load@2026x';
// An admin-set password must be changed before the account may do anything else.
const LOAD_INITIAL_PASSWORD = 'Initial@2026x';

const depByCode = (code: string) => DEFAULT_DEPARTMENTS.find((d) => d.code === code)!;
const codeById = new Map<string, string>(DEFAULT_DEPARTMENTS.map((d) => [d.id, d.code]));

/** Categories that the default rules route to a lead (and co-handlers), never to triage. */
export const CATEGORY_MIX = ['legal', 'market', 'tax', 'labour', 'transport', 'technology'] as const;
export const LEADS: Record<(typeof CATEGORY_MIX)[number], string> = {
  legal: 'justice',
  market: 'market',
  tax: 'tax',
  labour: 'hrss',
  transport: 'transport',
  technology: 'science',
};

export interface Routes {
  identity: string;
  ticket: string;
  ledger: string;
  sla: string;
}

export interface TicketRun {
  key: string;
  category: (typeof CATEGORY_MIX)[number];
  /** 'normal' unless given (submitOnly). */
  urgency?: string;
  enterprise: string; // username
  id?: string;
  version?: number;
  arrivedAt: number; // performance.now() at the scheduled arrival
  submitMs?: number;
  acceptedAt?: number; // 201 received
  visibleAt?: number; // seen in the lead department's queue
  closedAt?: number;
  coHandlers: string[];
  state: 'submitting' | 'queued' | 'handling' | 'closed' | 'rejected' | 'stuck';
  error?: string;
}

export class Counters {
  arrivals = 0;
  accepted = 0; // submit 201
  rejected = 0; // submit 4xx other than 429 (a bug in the driver or the service)
  throttled = 0; // 429
  serverErrors = 0; // any 5xx answer, on any request
  connectionErrors = 0;
  conflicts = 0; // 409 on an action: someone (the system) changed the ticket first
  retries = 0;
  closed = 0;
  stuck = 0;
  httpRequests = 0;
  errorSamples: string[] = [];

  note(r: Reply, what: string): void {
    this.httpRequests++;
    if (r.status >= 500) this.serverErrors++;
    if (r.status === 0) this.connectionErrors++;
    if (
      (r.status >= 500 || (r.status >= 400 && r.status !== 409 && r.status !== 429)) &&
      this.errorSamples.length < 20
    ) {
      this.errorSamples.push(`${what}: ${r.status} ${r.error ?? JSON.stringify(r.body).slice(0, 300)}`);
    }
  }
}

export class Users {
  private readonly tokens = new Map<string, string>();
  private readonly passwords = new Map<string, string>();
  constructor(
    private readonly identityUrl: string,
    private readonly counters: Counters,
  ) {}

  async token(username: string, fresh = false): Promise<string> {
    const known = this.tokens.get(username);
    if (known && !fresh) return known;
    for (let attempt = 0; ; attempt++) {
      const r = await call(this.identityUrl, 'POST', '/api/v1/identity/auth/login', {
        body: { username, password: this.passwords.get(username) ?? DEMO_PASSWORD },
      });
      if (r.status === 200) {
        this.tokens.set(username, r.body.accessToken);
        return r.body.accessToken;
      }
      this.counters.note(r, `login ${username}`);
      if (attempt > 300 || (r.status >= 400 && r.status < 500 && r.status !== 429)) {
        throw new Error(`login ${username}: ${r.status} ${JSON.stringify(r.body)}`);
      }
      await sleep(r.status === 429 ? 2000 : 500);
    }
  }

  setPassword(username: string, password: string): void {
    this.passwords.set(username, password);
  }

  /** Drops a token that is no longer good (its sessions ended with a password change). */
  forget(username: string): void {
    this.tokens.delete(username);
  }

  /** One request as a user; a 401 (token from before an identity restart with a new key, or expired) logs in again. */
  async as(
    username: string,
    url: string,
    method: string,
    path: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<Reply> {
    let r = await call(url, method, path, { token: await this.token(username), body, headers });
    if (r.status === 401)
      r = await call(url, method, path, { token: await this.token(username, true), body, headers });
    return r;
  }
}

/** One enterprise user per demo enterprise (load-ent-N), created by the admin: the submit limit is per user. */
export async function prepareEnterprises(routes: Routes, users: Users, wanted: number): Promise<string[]> {
  let page: Reply;
  for (;;) {
    page = await users.as('admin', routes.identity, 'GET', '/api/v1/identity/enterprises?limit=100');
    if (page.status === 200) break;
    await sleep(500);
  }
  const enterprises: { id: string }[] = page.body.items;
  const names: string[] = [];
  for (let i = 0; i < Math.min(wanted, enterprises.length); i++) {
    const username = `load-ent-${i}`;
    const r = await users.as('admin', routes.identity, 'POST', '/api/v1/identity/users', {
      username,
      displayName: `压测企业 ${i}`,
      role: 'enterprise',
      enterpriseId: enterprises[i].id,
      initialPassword: LOAD_INITIAL_PASSWORD,
    });
    if (r.status !== 201 && r.status !== 200 && r.status !== 409)
      throw new Error(`create ${username}: ${r.status} ${JSON.stringify(r.body)}`);
    if (r.status === 201) {
      users.setPassword(username, LOAD_INITIAL_PASSWORD);
      const changed = await users.as(
        username,
        routes.identity,
        'POST',
        '/api/v1/identity/auth/change-password',
        {
          currentPassword: LOAD_INITIAL_PASSWORD,
          newPassword: LOAD_PASSWORD,
        },
      );
      if (changed.status !== 204)
        throw new Error(
          `change the password of ${username}: ${changed.status} ${JSON.stringify(changed.body)}`,
        );
      users.forget(username);
    }
    users.setPassword(username, LOAD_PASSWORD);
    names.push(username);
  }
  return names;
}

const BODY = {
  legal: {
    title: '劳动合同纠纷法律咨询',
    description: '一名离职员工就竞业限制条款提出异议，请司法局提供法律援助指引。',
  },
  market: {
    title: '产品质量抽检结果复核',
    description: '上月抽检结果与我司自检不一致，申请复核并了解整改要求。',
  },
  tax: { title: '研发费用加计扣除咨询', description: '今年研发投入较大，咨询加计扣除的申报口径与所需材料。' },
  labour: { title: '急需招聘技术工人', description: '新生产线投产，缺数控操作工 20 人，希望协助组织招聘。' },
  transport: { title: '园区货车通行证办理', description: '原料运输车辆需进城区卸货，申请办理货车通行证。' },
  technology: { title: '科技项目申报指导', description: '拟申报省级科技成果转化项目，请指导申报材料准备。' },
} as const;

export interface DriverOptions {
  /** Give up on a ticket after this long (the fault test waits out restarts). */
  ticketDeadlineMs: number;
  pollMs: number;
}

export class LoadDriver {
  readonly counters = new Counters();
  readonly users: Users;
  readonly runs: TicketRun[] = [];
  private readonly waiting = new Map<string, (item: QueueItem) => void>();
  private pollers: Promise<void>[] = [];
  private polling = false;
  private enterprises: string[] = [];
  private next = 0;
  inFlight = 0;

  constructor(
    readonly routes: Routes,
    private readonly opts: DriverOptions,
  ) {
    this.users = new Users(routes.identity, this.counters);
  }

  async prepare(enterpriseCount: number): Promise<void> {
    this.enterprises = await prepareEnterprises(this.routes, this.users, enterpriseCount);
    for (const u of [...this.enterprises, 'committee', ...DEFAULT_DEPARTMENTS.map((d) => `dept-${d.code}`)])
      await this.users.token(u);
  }

  /** The lead departments watch their queues (status assigned, oldest deadline first). */
  startDepartments(): void {
    this.polling = true;
    for (const code of new Set(Object.values(LEADS))) {
      this.pollers.push(
        (async () => {
          const dep = depByCode(code);
          while (this.polling) {
            const r = await this.users.as(
              `dept-${code}`,
              this.routes.ticket,
              'GET',
              '/api/v1/tickets?status=assigned&sort=deadline&limit=100',
            );
            this.counters.note(r, `queue ${code}`);
            if (r.status === 200) {
              for (const item of r.body.items as QueueItem[]) {
                if (item.leadDepartmentId !== dep.id) continue; // a co-handler's view of another lead's ticket
                const w = this.waiting.get(item.id);
                if (w) {
                  this.waiting.delete(item.id);
                  w(item);
                }
              }
            } else await sleep(200);
            await sleep(this.opts.pollMs);
          }
        })(),
      );
    }
  }

  async stopDepartments(): Promise<void> {
    this.polling = false;
    await Promise.all(this.pollers);
    this.pollers = [];
  }

  /** The next ticket of the mix, counted as arrived. */
  private newRun(): TicketRun {
    const category = CATEGORY_MIX[this.next % CATEGORY_MIX.length];
    const enterprise = this.enterprises[this.next % this.enterprises.length];
    this.next++;
    const run: TicketRun = {
      key: randomUUID(),
      category,
      enterprise,
      arrivedAt: performance.now(),
      coHandlers: [],
      state: 'submitting',
    };
    this.runs.push(run);
    this.counters.arrivals++;
    return run;
  }

  /** One arrival: a ticket's whole life, without waiting for it. */
  arrive(): TicketRun {
    const run = this.newRun();
    this.inFlight++;
    void this.live(run)
      .catch((e) => {
        run.state = run.state === 'submitting' ? 'rejected' : 'stuck';
        run.error = (e as Error).message;
        if (run.state === 'stuck') this.counters.stuck++;
      })
      .finally(() => this.inFlight--);
    return run;
  }

  /**
   * Intake only (bench:intake): one ticket submitted, not followed into the queue; the next of the
   * mix, or of the given category and urgency (the breach probe's).
   */
  async submitOnly(
    deadlineMs = this.opts.ticketDeadlineMs,
    as?: { category: (typeof CATEGORY_MIX)[number]; urgency: string },
  ): Promise<TicketRun> {
    const run = this.newRun();
    if (as) {
      run.category = as.category;
      run.urgency = as.urgency;
    }
    try {
      await this.submit(run, run.arrivedAt + deadlineMs);
      run.state = 'queued';
    } catch (e) {
      run.state = 'rejected';
      run.error = (e as Error).message;
    }
    return run;
  }

  private async live(run: TicketRun): Promise<void> {
    const deadline = run.arrivedAt + this.opts.ticketDeadlineMs;
    await this.submit(run, deadline);
    run.state = 'queued';
    const item = await new Promise<QueueItem>((resolve, reject) => {
      this.waiting.set(run.id!, resolve);
      const check = setInterval(() => {
        if (!this.waiting.has(run.id!)) return clearInterval(check);
        if (performance.now() > deadline) {
          clearInterval(check);
          this.waiting.delete(run.id!);
          reject(new Error('never appeared in the department queue'));
        }
      }, 1000);
    });
    run.visibleAt = performance.now();
    run.version = item.version;
    run.coHandlers = item.coHandlerDepartmentIds.filter((d) => d !== item.leadDepartmentId);
    run.state = 'handling';
    await this.handle(run, deadline);
  }

  /**
   * The department and enterprise steps. Each is skipped when the ticket shows it done already,
   * so a ticket whose script gave up (its deadline passed during a fault) can be picked up again.
   */
  private async handle(run: TicketRun, deadline: number, current?: TicketView): Promise<void> {
    const lead = `dept-${LEADS[run.category]}`;
    const has = (type: string) => (t: TicketView) => t.timeline.some((s: Step) => s.eventType === type);
    const skip = (done: (t: TicketView) => boolean) => current !== undefined && done(current);
    if (!skip(has('ticket.acknowledged')))
      await this.act(run, 'acknowledge', lead, { note: '已签收' }, deadline, has('ticket.acknowledged'));
    for (const dep of run.coHandlers) {
      const reported = (t: TicketView) =>
        (t.parts as Part[]).some((p) => p.department.id === dep && !!p.content);
      if (!skip(reported))
        await this.act(
          run,
          'report-part',
          `dept-${codeById.get(dep)}`,
          { content: '已配合办理。' },
          deadline,
          reported,
        );
    }
    if (!skip(has('ticket.resolved')))
      await this.act(
        run,
        'resolve',
        lead,
        { result: '已办结，详见答复。' },
        deadline,
        has('ticket.resolved'),
      );
    if (!skip(has('ticket.replied')))
      await this.act(
        run,
        'reply',
        lead,
        { message: '您反映的问题已处理完毕。' },
        deadline,
        has('ticket.replied'),
      );
    if (!skip(has('ticket.feedback-given'))) {
      await this.act(
        run,
        'feedback',
        run.enterprise,
        { contacted: true, solved: true, satisfaction: 'satisfied' },
        deadline,
        has('ticket.feedback-given'),
      );
    }
    run.closedAt = performance.now();
    run.state = 'closed';
    this.counters.closed++;
  }

  /** Carries a ticket whose script gave up to its end, from the state the system holds now. */
  async finish(run: TicketRun, withinMs: number): Promise<void> {
    if (!run.id || run.state === 'closed') return;
    const deadline = performance.now() + withinMs;
    let t = await this.read(run, deadline);
    while (t.status === 'submitted') {
      if (performance.now() > deadline) throw new Error('never dispatched');
      await sleep(500);
      t = await this.read(run, deadline);
    }
    if (t.status === 'closed') {
      run.state = 'closed';
      run.closedAt = performance.now();
      this.counters.closed++;
      return;
    }
    run.version = t.version;
    run.coHandlers = (t.parts as Part[]).filter((p) => p.role !== 'lead').map((p) => p.department.id);
    run.state = 'handling';
    await this.handle(run, deadline, t);
  }

  private async submit(run: TicketRun, deadline: number): Promise<void> {
    const body = {
      category: run.category,
      ...BODY[run.category],
      urgency: run.urgency ?? 'normal',
      location: '六枝特区 工业园',
      contact: { name: '王经理', phone: '13800138000' },
      // Six texts for every ticket of the load: without this, an enterprise's second ticket of a
      // category reads as a likely duplicate of its first (409 possibleDuplicate) and is refused.
      confirmNotDuplicate: true,
    };
    for (;;) {
      const t0 = performance.now();
      const r = await this.users.as(run.enterprise, this.routes.ticket, 'POST', '/api/v1/tickets', body, {
        'idempotency-key': run.key,
      });
      this.counters.note(r, 'submit');
      if (r.status === 201 || r.status === 200) {
        run.submitMs = performance.now() - t0;
        run.acceptedAt = performance.now();
        run.id = r.body.id;
        run.version = r.body.version;
        this.counters.accepted++;
        return;
      }
      if (r.status === 429) this.counters.throttled++;
      else if (r.status !== 0 && r.status < 500) {
        this.counters.rejected++;
        throw new Error(`submit refused: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      }
      if (performance.now() > deadline) throw new Error(`submit never accepted (last ${r.status})`);
      this.counters.retries++;
      await sleep(r.status === 429 ? 1000 : 300);
    }
  }

  /** GET the ticket as the committee (sees every ticket), retried through faults. */
  private async read(run: TicketRun, deadline: number): Promise<TicketView> {
    for (;;) {
      const r = await this.users.as('committee', this.routes.ticket, 'GET', `/api/v1/tickets/${run.id}`);
      this.counters.note(r, 'read');
      if (r.status === 200) return r.body;
      if (performance.now() > deadline) throw new Error(`ticket unreadable (${r.status})`);
      await sleep(300);
    }
  }

  private async act(
    run: TicketRun,
    action: string,
    as: string,
    body: Record<string, unknown>,
    deadline: number,
    done: (t: TicketView) => boolean,
  ): Promise<void> {
    for (;;) {
      const r = await this.users.as(as, this.routes.ticket, 'POST', `/api/v1/tickets/${run.id}/${action}`, {
        expectedVersion: run.version,
        ...body,
      });
      this.counters.note(r, action);
      if (r.status >= 200 && r.status < 300) {
        run.version = r.body.version;
        return;
      }
      if (r.status !== 0 && r.status < 500 && r.status !== 409)
        throw new Error(`${action} refused: ${r.status} ${JSON.stringify(r.body).slice(0, 300)}`);
      if (r.status === 409) this.counters.conflicts++;
      // Lost answer or a newer version: read the ticket back; if the step took effect, move on.
      if (r.status !== 409) await sleep(300);
      const t = await this.read(run, deadline);
      run.version = t.version;
      if (done(t)) return;
      if (performance.now() > deadline) throw new Error(`${action} never succeeded (last ${r.status})`);
      this.counters.retries++;
    }
  }
}

interface QueueItem {
  id: string;
  version: number;
  leadDepartmentId: string;
  coHandlerDepartmentIds: string[];
}
interface Step {
  eventType: string;
}
interface Part {
  department: { id: string };
  role: string;
  content: string | null;
}
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type TicketView = any;
