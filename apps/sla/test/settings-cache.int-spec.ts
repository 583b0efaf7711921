import { SettingsCache } from '@ticketing/database';
import { RunningService } from '@ticketing/platform';
import { createTestDatabase, eventually } from '@ticketing/testing';
import { TicketFacts, api, assigned, deliver, sql, startSla, ticketId, users } from './sla-test-kit';

interface RespondTimer {
  policy: { id: string; version: number };
  dueAt: string;
  ms: { allowance: number };
}

const HOUR = 3_600_000;

/** Respond in `hours` wall-clock hours, as stored (the lists filled): each version's clocks show which it is. */
const hoursPolicy = (hours: number) => ({
  calendarId: 'default',
  timers: {
    respond: { duration: { amount: hours, unit: 'hours' }, warnings: [], escalations: [], pauseWhen: [] },
  },
});

/** 2027 has no notice seeded: 国庆 makes 1–7 October holidays. */
const NOTICE_2027 = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  reference: '测试〔2026〕2号',
  publishedOn: '2026-11-10',
  holidays: [{ name: '国庆节', from: '2027-10-01', to: '2027-10-07' }],
  makeUpWorkdays: ['2027-09-26'],
};

/**
 * The policies and calendars a ticket's intake reads come from the settings cache (no statement
 * while they do not change), and a change reaches the next ticket: at once when this process made
 * it (its transaction touched the table), and as soon as the table's trigger's notification arrives
 * when it was made elsewhere (SQL on another connection: another replica, an operator).
 */
describe('sla settings cache: policies and calendars read once, changes seen by the next ticket', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sla: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase('sla_settings');
    sla = await startSla(db.url);
  });
  afterAll(async () => {
    await sla?.close();
    await db?.drop();
  });

  const stats = () => sla.app.get(SettingsCache, { strict: false }).stats;

  /** A new ticket assigned, and the respond timer it opened. */
  const newTicket = async (facts: Omit<TicketFacts, 'ticketId'>, at?: Date) => {
    const t = { ...facts, ticketId: ticketId() };
    await deliver(sla, [assigned(t, at)]);
    const timers: (RespondTimer & { kind: string })[] = (
      await api(sla, 'GET', `/api/v1/sla/tickets/${t.ticketId}/timers`, users.committee)
    ).body.timers;
    return timers.find((v) => v.kind === 'respond')!;
  };

  /**
   * New tickets until one's intake read its policies and calendar from the cache alone (the cache
   * listens and holds what the tickets read); that ticket's respond timer.
   */
  const servedFromCache = async (facts: Omit<TicketFacts, 'ticketId'>, at?: Date) => {
    let timer: RespondTimer | undefined;
    const served = await eventually(
      async () => {
        const before = { ...stats() };
        timer = await newTicket(facts, at);
        const after = stats();
        return (
          after.hits > before.hits && after.misses === before.misses && after.bypassed === before.bypassed
        );
      },
      10_000,
      50,
    );
    expect(served).toBe(true);
    return timer!;
  };

  /** The recomputes a change queued are done (their commits must not be what refreshes the cache). */
  const recomputed = async () =>
    expect(
      await eventually(
        async () =>
          (
            await sql(db.url, 'SELECT count(*)::int AS n FROM sla.recompute_jobs WHERE finished_at IS NULL')
          )[0].n === 0,
        10_000,
      ),
    ).toBe(true);

  it('opens a clock with the policy version of the change just made, here or elsewhere', async () => {
    const scope = { category: 'labour', urgency: 'normal' };
    const zoneWide = await servedFromCache(scope);
    expect(zoneWide.ms.allowance).not.toBe(10 * HOUR);

    // A policy for the scope created through the service's API: the very next ticket follows it.
    const created = await api(sla, 'POST', '/api/v1/sla/policies', users.committee, {
      name: '用工普通件',
      ...scope,
      definition: hoursPolicy(10),
    });
    expect(created).toMatchObject({ status: 201, body: { version: 1 } });
    const id: string = created.body.id;
    const first = await newTicket(scope);
    expect([first.policy, first.ms.allowance]).toEqual([{ id, version: 1 }, 10 * HOUR]);
    expect((await servedFromCache(scope)).policy).toEqual({ id, version: 1 });

    // An edit through the service's API: the very next ticket follows it too.
    const edit = await api(sla, 'PUT', `/api/v1/sla/policies/${id}`, users.committee, {
      expectedVersion: 1,
      definition: hoursPolicy(20),
    });
    expect(edit).toMatchObject({ status: 200, body: { version: 2 } });
    const next = await newTicket(scope);
    expect([next.policy, next.ms.allowance]).toEqual([{ id, version: 2 }, 20 * HOUR]);

    // Version 2 held in the cache; a third version written in SQL on another connection.
    await recomputed();
    expect((await servedFromCache(scope)).policy.version).toBe(2);
    await sql(
      db.url,
      `UPDATE sla.policies SET active = false WHERE id = '${id}' AND active;
       INSERT INTO sla.policies (id, version, name, name_en, subject, category, urgency, definition, active, created_by)
         SELECT id, 3, name, name_en, subject, category, urgency, '${JSON.stringify(hoursPolicy(30))}'::jsonb, true, 'operator'
           FROM sla.policies WHERE id = '${id}' AND version = 2`,
    );
    const seen = await eventually(async () => (await newTicket(scope)).policy.version === 3, 5_000, 50);
    expect(seen).toBe(true);
    const after = await servedFromCache(scope);
    expect([after.policy, after.ms.allowance]).toEqual([{ id, version: 3 }, 30 * HOUR]);
  });

  it('counts a new clock on the calendar of the change just made, here or elsewhere', async () => {
    // Thursday 30 September 2027, 10:00 in Beijing; respond: one working day (the zone-wide policy).
    const at = new Date('2027-09-30T02:00:00Z');
    const scope = { category: 'other', urgency: 'normal' };
    expect((await servedFromCache(scope, at)).dueAt).toBe('2027-10-01T09:30:00.000Z');

    // A notice loaded through the service's API: 1–7 October are holidays for the very next ticket.
    const loaded = await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.admin, NOTICE_2027);
    expect(loaded).toMatchObject({ status: 201, body: { version: 2 } });
    expect((await newTicket(scope, at)).dueAt).toBe('2027-10-08T09:30:00.000Z');
    expect(
      (await api(sla, 'GET', '/api/v1/sla/calendars/default/days/2027-10-04', users.committee)).body,
    ).toMatchObject({ kind: 'holiday', working: false });

    // That calendar held in the cache; the working day shortened to 16:30 in SQL on another connection.
    await recomputed();
    expect((await servedFromCache(scope, at)).dueAt).toBe('2027-10-08T09:30:00.000Z');
    await sql(
      db.url,
      `UPDATE sla.calendars SET version = version + 1,
              working_hours = '[{"start":"09:00","end":"12:00"},{"start":"13:30","end":"16:30"}]'::jsonb
        WHERE id = 'default'`,
    );
    const seen = await eventually(
      async () => (await newTicket(scope, at)).dueAt === '2027-10-08T08:30:00.000Z',
      5_000,
      50,
    );
    expect(seen).toBe(true);
    expect((await servedFromCache(scope, at)).dueAt).toBe('2027-10-08T08:30:00.000Z');
  });
});
