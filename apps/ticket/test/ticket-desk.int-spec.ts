import { AuthUser } from '@ticketing/auth';
import { SlaEvents, TicketEvents, Topics } from '@ticketing/contracts';
import {
  actOn,
  DEP,
  detailOf,
  ENT_B,
  Json,
  routedTicket,
  rowCounts,
  startTicketKit,
  staffUser,
  submission,
  TicketKit,
  UserKey,
  USERS,
} from './ticket-test-kit';

const TABLES = ['tickets', 'ticket_steps', 'outbox'];
const WANG: AuthUser = { id: 'u-wang', role: 'department', name: '王科员', departmentId: DEP.hrss };
const CALLERS: UserKey[] = ['entA', 'insA', 'entB', 'depLead', 'depCo', 'depOther', 'committee', 'admin'];

describe('the desk: named handlers, bulk actions, callbacks and phone intake', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
    await staffUser(kit, { id: WANG.id, displayName: '王科员', departmentId: DEP.hrss });
    await staffUser(kit, { id: 'u-li', displayName: '李科员', departmentId: DEP.hrss });
    await staffUser(kit, { id: 'u-gone', displayName: '离职者', departmentId: DEP.hrss, active: false });
    await staffUser(kit, { id: 'u-zhao', displayName: '赵科员', departmentId: DEP.tax });
    await staffUser(kit, { id: 'u-boss', displayName: '党委', departmentId: null, role: 'committee' });
  });
  afterAll(async () => {
    await kit?.close();
  });

  const version = async (id: string) => (await detailOf(kit, id)).version;

  describe('named handlers (承办人)', () => {
    it('lists a department’s active staff: its own for a department, any named one for the committee', async () => {
      const own = await kit.api('GET', '/api/v1/tickets/handlers', 'depLead');
      expect(own.body).toEqual({
        departmentId: DEP.hrss,
        items: [
          { userId: 'u-li', name: '李科员' },
          { userId: 'u-wang', name: '王科员' },
        ],
      });
      const tax = await kit.api('GET', `/api/v1/tickets/handlers?departmentId=${DEP.tax}`, 'committee');
      expect(tax.body.items).toEqual([{ userId: 'u-zhao', name: '赵科员' }]);
      for (const [who, query, status] of [
        ['committee', '', 400],
        ['depLead', `?departmentId=${DEP.tax}`, 400],
        ['entA', '', 403],
        ['insA', '', 403],
        ['admin', '', 403],
      ] as const) {
        const res = await kit.api('GET', `/api/v1/tickets/handlers${query}`, who);
        expect({ who, status: res.status }).toEqual({ who, status });
        if (status === 400) expect(res.body.errors[0].field).toBe('departmentId');
      }
    });

    it('the lead hands a ticket to one of its staff; “assigned to me” lists it; a transfer clears it', async () => {
      const id = await routedTicket(kit);
      await actOn(kit, id, 'acknowledge', 'depLead');
      await actOn(kit, id, 'handler', 'depLead', { handlerUserId: WANG.id });
      expect(await kit.outboxTypes(id)).toContain(TicketEvents.handlerAssigned);
      expect((await detailOf(kit, id, 'entA')).handler).toEqual({ userId: WANG.id, name: '王科员' });
      const mine = await kit.api('GET', '/api/v1/tickets?assignedToMe=true', WANG);
      expect(mine.body.items.map((i: Json) => i.id)).toEqual([id]);
      expect(mine.body.items[0].handler).toEqual({ userId: WANG.id, name: '王科员' });
      expect((await kit.api('GET', '/api/v1/tickets?assignedToMe=true', 'depLead')).body.items).toEqual([]);
      const hers = await kit.api('GET', '/api/v1/tickets?handlerUserId=u-wang', 'depLead');
      expect(hers.body.items.map((i: Json) => i.id)).toEqual([id]);
      // The same person again is a conflict; nobody (null) frees it.
      await actOn(kit, id, 'handler', 'depLead', { handlerUserId: WANG.id }, 409);
      await actOn(kit, id, 'handler', 'depLead', { handlerUserId: null });
      expect((await detailOf(kit, id)).handler).toBeNull();
    });

    it.each([
      ['someone unknown', { handlerUserId: 'u-nobody' }],
      ['someone inactive', { handlerUserId: 'u-gone' }],
      ['another department’s staff', { handlerUserId: 'u-zhao' }],
      ['committee staff', { handlerUserId: 'u-boss' }],
      ['an empty id', { handlerUserId: '' }],
      ['a number', { handlerUserId: 7 }],
    ])('refuses %s with 400 naming handlerUserId, nothing written', async (_, body) => {
      const id = await routedTicket(kit);
      const before = await rowCounts(kit, TABLES);
      const res = await actOn(kit, id, 'handler', 'depLead', body, 400);
      expect(res.errors.map((e: Json) => e.field)).toContain('handlerUserId');
      expect(await rowCounts(kit, TABLES)).toEqual(before);
    });

    describe('authorisation of POST /:id/handler × each role × own/other ticket', () => {
      let id: string;
      beforeAll(async () => {
        id = await routedTicket(kit);
      });
      const expected: Record<string, number> = {
        entA: 403,
        insA: 403,
        entB: 403,
        depLead: 409,
        depCo: 403,
        depOther: 404,
        committee: 403,
        admin: 403,
      };
      for (const who of CALLERS) {
        it(`${who} → ${expected[who]}`, async () => {
          const before = await rowCounts(kit, TABLES);
          const res = await kit.api('POST', `/api/v1/tickets/${id}/handler`, who, {
            expectedVersion: 999,
            handlerUserId: WANG.id,
          });
          expect(res.status).toBe(expected[who]);
          expect(await rowCounts(kit, TABLES)).toEqual(before);
        });
      }
    });
  });

  describe('bulk actions', () => {
    it('acknowledges several, each on its own, reporting each: done, stale, not the caller’s', async () => {
      const a = await routedTicket(kit);
      const b = await routedTicket(kit);
      const foreign = await routedTicket(kit, {}, 'entB', DEP.tax, []);
      const res = await kit.api('POST', '/api/v1/tickets/bulk/acknowledge', 'depLead', {
        note: '批量签收',
        items: [
          { ticketId: a, expectedVersion: await version(a) },
          { ticketId: b, expectedVersion: 1 },
          { ticketId: foreign, expectedVersion: await version(foreign) },
        ],
      });
      expect(res.status).toBe(200);
      expect(res.body).toMatchObject({ succeeded: 1, failed: 2 });
      expect(res.body.results).toEqual([
        { ticketId: a, ok: true, number: expect.any(String), status: 'in_progress', version: 3 },
        {
          ticketId: b,
          ok: false,
          problem: expect.objectContaining({ status: 409, type: 'urn:chuishao:problem:versionConflict' }),
        },
        { ticketId: foreign, ok: false, problem: expect.objectContaining({ status: 404 }) },
      ]);
      expect(JSON.stringify(res.body.results[2])).not.toContain(ENT_B);
      expect((await detailOf(kit, a)).status).toBe('in_progress');
      expect((await detailOf(kit, b)).status).toBe('assigned');
    });

    it('supervises several (committee) and hands several to one person (lead)', async () => {
      const a = await routedTicket(kit);
      const b = await routedTicket(kit);
      const sup = await kit.api('POST', '/api/v1/tickets/bulk/supervise', 'committee', {
        level: 'supervise',
        note: '逾期督办',
        items: [
          { ticketId: a, expectedVersion: await version(a) },
          { ticketId: b, expectedVersion: await version(b) },
        ],
      });
      expect(sup.body).toMatchObject({ succeeded: 2, failed: 0 });
      expect(await kit.outboxTypes(b)).toContain(TicketEvents.supervised);
      const assign = await kit.api('POST', '/api/v1/tickets/bulk/assign-handler', 'depLead', {
        handlerUserId: 'u-li',
        items: [
          { ticketId: a, expectedVersion: await version(a) },
          { ticketId: b, expectedVersion: await version(b) },
        ],
      });
      expect(assign.body).toMatchObject({ succeeded: 2, failed: 0 });
      const hers = await kit.api('GET', '/api/v1/tickets?handlerUserId=u-li', 'depLead');
      expect(hers.body.items.map((i: Json) => i.id).sort()).toEqual([a, b].sort());
    });

    describe('authorisation and bad input', () => {
      let id: string;
      beforeAll(async () => {
        id = await routedTicket(kit);
      });
      const bodies: Record<string, (items: Json[]) => Json> = {
        acknowledge: (items) => ({ items }),
        supervise: (items) => ({ items, level: 'urge', note: 'n' }),
        'assign-handler': (items) => ({ items, handlerUserId: WANG.id }),
      };
      const roles: Record<string, string> = {
        acknowledge: 'department',
        supervise: 'committee',
        'assign-handler': 'department',
      };
      for (const route of Object.keys(bodies)) {
        for (const who of CALLERS) {
          const allowed = USERS[who].role === roles[route];
          it(`${route} by ${who} → ${allowed ? '200 (each item answered on its own)' : 403}`, async () => {
            const before = await rowCounts(kit, TABLES);
            const res = await kit.api(
              'POST',
              `/api/v1/tickets/bulk/${route}`,
              who,
              bodies[route]([{ ticketId: id, expectedVersion: 999 }]),
            );
            expect(res.status).toBe(allowed ? 200 : 403);
            if (allowed) {
              // The ticket's own answer: 404 to whoever cannot see it, 403 to a non-lead, else the stale version.
              const own = who === 'depOther' ? 404 : who === 'depCo' ? 403 : 409;
              expect(res.body.results).toEqual([
                { ticketId: id, ok: false, problem: expect.objectContaining({ status: own }) },
              ]);
            }
            expect(await rowCounts(kit, TABLES)).toEqual(before);
          });
        }
      }
      const bad: [string, () => Json, string][] = [
        ['no items', () => ({}), 'items'],
        ['an empty list', () => ({ items: [] }), 'items'],
        ['not a list', () => ({ items: 'all' }), 'items'],
        [
          'fifty-one items',
          () => ({ items: Array.from({ length: 51 }, () => ({ ticketId: id, expectedVersion: 1 })) }),
          'items',
        ],
        [
          'a ticket named twice',
          () => ({
            items: [
              { ticketId: id, expectedVersion: 2 },
              { ticketId: id, expectedVersion: 2 },
            ],
          }),
          'items',
        ],
        [
          'a ticket id that is not a uuid',
          () => ({ items: [{ ticketId: 'x', expectedVersion: 1 }] }),
          'items.0.ticketId',
        ],
        ['an item without a version', () => ({ items: [{ ticketId: id }] }), 'items.0.expectedVersion'],
        [
          'an item with a field nobody asked for',
          () => ({ items: [{ ticketId: id, expectedVersion: 1, force: true }] }),
          'items.0.force',
        ],
        [
          'a note over 1000 characters',
          () => ({ items: [{ ticketId: id, expectedVersion: 2 }], note: 'x'.repeat(1001) }),
          'note',
        ],
      ];
      it.each(bad)('acknowledge with %s: 400 naming the field, nothing done', async (_, body, field) => {
        const before = await rowCounts(kit, TABLES);
        const res = await kit.api('POST', '/api/v1/tickets/bulk/acknowledge', 'depLead', body());
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
        expect(await rowCounts(kit, TABLES)).toEqual(before);
      });
      it.each([
        ['supervise without a level', 'supervise', { note: 'n' }, 'level'],
        ['supervise with an unknown level', 'supervise', { level: 'shout', note: 'n' }, 'level'],
        ['supervise without a note', 'supervise', { level: 'urge' }, 'note'],
        ['assign-handler with an empty person', 'assign-handler', { handlerUserId: '' }, 'handlerUserId'],
      ] as const)('%s: 400 naming the field', async (_, route, extra, field) => {
        const who = route === 'supervise' ? 'committee' : 'depLead';
        const res = await kit.api('POST', `/api/v1/tickets/bulk/${route}`, who, {
          items: [{ ticketId: id, expectedVersion: 2 }],
          ...extra,
        });
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
      });
    });
  });

  describe('callbacks (回访)', () => {
    const resolved = async () => {
      const id = await routedTicket(kit, {}, 'entA', DEP.hrss, []);
      await actOn(kit, id, 'acknowledge', 'depLead');
      await actOn(kit, id, 'reply', 'depLead', { message: '已办结' });
      await actOn(kit, id, 'resolve', 'depLead', { result: '已办结' });
      return id;
    };
    const lapse = (id: string) =>
      kit.publish(Topics.Sla, SlaEvents.breached, id, {
        ticketId: id,
        timerId: 'f',
        kind: 'feedback',
        departmentId: null,
        dueAt: new Date().toISOString(),
        level: 'red',
        fireAt: '2026-03-09T09:30:00.000Z',
      });
    const answers = {
      contacted: true,
      solved: true,
      satisfaction: 'basically_satisfied',
      comment: '电话回访',
    };

    it('waits for the feedback window to lapse, then the committee records the answers via callback', async () => {
      const id = await resolved();
      const early = await actOn(kit, id, 'callback', 'committee', answers, 409);
      expect(early.detail).toContain('not lapsed');
      await lapse(id);
      const queue = await kit.api('GET', '/api/v1/tickets?awaitingCallback=true&limit=100', 'committee');
      expect(queue.body.items.map((i: Json) => i.id)).toContain(id);
      expect(queue.body.items.find((i: Json) => i.id === id).awaitingCallback).toBe(true);
      expect((await detailOf(kit, id)).deadlines.feedbackLapsedAt).toBe('2026-03-09T09:30:00.000Z');

      const done = await actOn(kit, id, 'callback', 'committee', answers);
      expect(done.status).toBe('closed');
      const t = await detailOf(kit, id, 'entA');
      expect(t).toMatchObject({ closeOutcome: 'feedback', awaitingCallback: false });
      expect(t.feedback).toMatchObject({
        via: 'callback',
        satisfaction: 'basically_satisfied',
        comment: '电话回访',
      });
      expect(t.timeline.at(-1)).toMatchObject({
        eventType: TicketEvents.closed,
        reasonCode: 'closed.satisfied',
        reasonParams: { satisfaction: 'basically_satisfied', via: 'callback' },
      });
      const { rows } = await kit.pg.query(`SELECT envelope FROM ticket.outbox WHERE key = $1 AND type = $2`, [
        id,
        TicketEvents.feedbackGiven,
      ]);
      expect(rows[0].envelope.payload).toMatchObject({
        via: 'callback',
        satisfaction: 'basically_satisfied',
      });
      expect(
        (
          await kit.api('GET', '/api/v1/tickets?awaitingCallback=true&limit=100', 'committee')
        ).body.items.some((i: Json) => i.id === id),
      ).toBe(false);
      // The enterprise itself may not rate any more: it was rated on its behalf.
      await actOn(kit, id, 'feedback', 'entA', answers, 409);
    });

    describe('authorisation and bad input', () => {
      let id: string;
      beforeAll(async () => {
        id = await resolved();
        await lapse(id);
      });
      for (const who of CALLERS) {
        const expected = USERS[who].role === 'committee' ? 409 : 403;
        it(`callback by ${who} → ${expected}`, async () => {
          const before = await rowCounts(kit, TABLES);
          const res = await kit.api('POST', `/api/v1/tickets/${id}/callback`, who, {
            expectedVersion: 999,
            ...answers,
          });
          expect(res.status).toBe(expected);
          expect(await rowCounts(kit, TABLES)).toEqual(before);
        });
      }
      it.each([
        ['no contacted', { contacted: undefined }, 'contacted'],
        ['solved not a boolean', { solved: 'yes' }, 'solved'],
        ['an unknown satisfaction', { satisfaction: 'thrilled' }, 'satisfaction'],
        ['a comment over 2000 characters', { comment: 'x'.repeat(2001) }, 'comment'],
        ['no version', { expectedVersion: undefined }, 'expectedVersion'],
      ])('%s: 400 naming the field, nothing written', async (_, over, field) => {
        const before = await rowCounts(kit, TABLES);
        const res = await kit.api('POST', `/api/v1/tickets/${id}/callback`, 'committee', {
          expectedVersion: await version(id),
          ...answers,
          ...over,
        });
        expect(res.status).toBe(400);
        expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
        expect(await rowCounts(kit, TABLES)).toEqual(before);
      });
    });
  });

  describe('phone, walk-in, group chat and letter intake by committee staff', () => {
    it('logs a ticket for the enterprise with the channel recorded; routed like any other; listed by channel', async () => {
      const res = await kit.api(
        'POST',
        '/api/v1/tickets',
        'committee',
        submission({
          enterpriseId: ENT_B,
          channel: 'phone',
          title: '来电：园区道路积水',
          description: '来电反映园区东路雨后积水严重。',
        }),
      );
      expect(res.status).toBe(201);
      const t = await detailOf(kit, res.body.id, 'entB');
      expect(t).toMatchObject({
        channel: 'phone',
        enterpriseId: ENT_B,
        gridId: 'grid-b',
        submittedBy: { id: USERS.committee.id, role: 'committee' },
      });
      const { rows } = await kit.pg.query(`SELECT envelope FROM ticket.outbox WHERE key = $1 AND type = $2`, [
        res.body.id,
        TicketEvents.submitted,
      ]);
      expect(rows[0].envelope.payload).toMatchObject({
        channel: 'phone',
        submittedBy: { role: 'committee' },
      });
      const phone = await kit.api('GET', '/api/v1/tickets?channel=phone,letter&limit=100', 'committee');
      expect(phone.body.items.map((i: Json) => i.id)).toEqual([res.body.id]);
      expect(phone.body.items[0].channel).toBe('phone');
    });

    it.each([
      ['committee', { enterpriseId: ENT_B }, 400, 'channel'],
      ['committee', { channel: 'phone' }, 400, 'enterpriseId'],
      ['committee', { enterpriseId: ENT_B, channel: 'fax' }, 400, 'channel'],
      ['committee', { enterpriseId: ENT_B, channel: 'web' }, 400, 'channel'],
      ['entA', { channel: 'letter' }, 400, 'channel'],
      ['insA', { enterpriseId: 'ent-a', channel: 'walk_in' }, 400, 'channel'],
      ['admin', { enterpriseId: ENT_B, channel: 'phone' }, 403, null],
      ['depLead', { enterpriseId: ENT_B, channel: 'phone' }, 403, null],
    ] as const)('%s submitting %j → %i', async (who, over, status, field) => {
      const before = await rowCounts(kit, TABLES);
      const res = await kit.api('POST', '/api/v1/tickets', who, submission(over));
      expect(res.status).toBe(status);
      if (field) expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
      expect(await rowCounts(kit, TABLES)).toEqual(before);
    });

    it('lists refuse an unknown channel, naming it', async () => {
      const res = await kit.api('GET', '/api/v1/tickets?channel=fax', 'committee');
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('channel');
    });
  });
});
