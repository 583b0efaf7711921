import { DispatchEvents, TicketStatus, Topics } from '@ticketing/contracts';
import { TicketAction, TRANSITIONS } from '../src/tickets/domain/ticket-state-machine';
import { DEP, PNG, startTicketKit, TicketKit, UserKey, USERS } from './ticket-test-kit';

type Party = 'owner' | 'lead' | 'coHandler' | 'committee';
interface Endpoint {
  route: string;
  action: TicketAction;
  party: Party;
  roles: string[];
  body: () => Record<string, unknown>;
}

const inAWeek = () => new Date(Date.now() + 7 * 86400_000).toISOString();
const ENDPOINTS: Endpoint[] = [
  {
    route: 'withdraw',
    action: 'withdraw',
    party: 'owner',
    roles: ['enterprise', 'instructor'],
    body: () => ({ reason: 'r' }),
  },
  { route: 'acknowledge', action: 'acknowledge', party: 'lead', roles: ['department'], body: () => ({}) },
  {
    route: 'request-transfer',
    action: 'requestTransfer',
    party: 'lead',
    roles: ['department'],
    body: () => ({ reason: 'r' }),
  },
  {
    route: 'interim-reply',
    action: 'interimReply',
    party: 'lead',
    roles: ['department'],
    body: () => ({ message: 'm' }),
  },
  {
    route: 'request-extension',
    action: 'requestExtension',
    party: 'lead',
    roles: ['department'],
    body: () => ({ reason: 'r', proposedDueAt: inAWeek() }),
  },
  {
    route: 'decide-extension',
    action: 'decideExtension',
    party: 'committee',
    roles: ['committee'],
    body: () => ({ approved: true }),
  },
  {
    route: 'report-part',
    action: 'reportPart',
    party: 'coHandler',
    roles: ['department'],
    body: () => ({ content: 'c' }),
  },
  {
    route: 'resolve',
    action: 'resolve',
    party: 'lead',
    roles: ['department'],
    body: () => ({ result: 'r' }),
  },
  { route: 'reply', action: 'reply', party: 'lead', roles: ['department'], body: () => ({ message: 'm' }) },
  {
    route: 'feedback',
    action: 'giveFeedback',
    party: 'owner',
    roles: ['enterprise', 'instructor'],
    body: () => ({ contacted: true, solved: true, satisfaction: 'satisfied' }),
  },
  {
    route: 'reopen',
    action: 'reopen',
    party: 'owner',
    roles: ['enterprise', 'instructor'],
    body: () => ({ reason: 'r' }),
  },
  { route: 'close', action: 'close', party: 'owner', roles: ['enterprise', 'instructor'], body: () => ({}) },
  {
    route: 'supervise',
    action: 'supervise',
    party: 'committee',
    roles: ['committee'],
    body: () => ({ level: 'urge', note: 'n' }),
  },
];

/** The ticket under test belongs to enterprise A (grid A), led by hrss with miit co-handling. */
const CALLERS: { who: UserKey; sees: boolean; party: Party | null }[] = [
  { who: 'entA', sees: true, party: 'owner' },
  { who: 'insA', sees: true, party: 'owner' },
  { who: 'entB', sees: false, party: null },
  { who: 'insB', sees: false, party: null },
  { who: 'depLead', sees: true, party: 'lead' },
  { who: 'depCo', sees: true, party: 'coHandler' },
  { who: 'depOther', sees: false, party: null },
  { who: 'committee', sees: true, party: 'committee' },
  { who: 'admin', sees: true, party: null },
];

describe('ticket authorisation and illegal transitions', () => {
  let kit: TicketKit;
  let ticket: { id: string; attachmentId: string };

  const assigned = async (): Promise<{ id: string; attachmentId: string }> => {
    const up = await kit.upload('entA', PNG, 'p.png');
    const { body } = await kit.submit('entA', { attachmentIds: [up.body.id] });
    await kit.publish(Topics.Dispatch, DispatchEvents.decided, body.id, {
      ticketId: body.id,
      leadDepartmentId: DEP.hrss,
      coHandlerDepartmentIds: [DEP.miit],
      via: 'manual',
      ruleId: null,
      ruleVersion: null,
      explanation: 'desk',
    });
    return { id: body.id, attachmentId: up.body.id };
  };

  beforeAll(async () => {
    kit = await startTicketKit();
    ticket = await assigned();
  });
  afterAll(async () => {
    await kit?.close();
  });

  describe('each action × each role × own/other ticket', () => {
    for (const e of ENDPOINTS) {
      for (const c of CALLERS) {
        const role = USERS[c.who].role;
        const expected = !e.roles.includes(role) ? 403 : !c.sees ? 404 : c.party !== e.party ? 403 : 409;
        it(`${e.route} by ${c.who} → ${expected}${expected === 409 ? ' (authorised; stale version)' : ''}`, async () => {
          const before = await kit.count('outbox');
          // A stale version proves the caller got past authorisation without changing anything.
          const res = await kit.api('POST', `/api/v1/tickets/${ticket.id}/${e.route}`, c.who, {
            expectedVersion: 999,
            ...e.body(),
          });
          expect(res.status).toBe(expected);
          if (expected === 409)
            expect(res.body).toMatchObject({
              type: 'urn:chuishao:problem:versionConflict',
              currentStatus: 'assigned',
              currentVersion: 2,
            });
          if (expected === 404) expect(res.body.detail).not.toContain(USERS.entA.enterpriseId);
          expect(await kit.count('outbox')).toBe(before);
        });
      }
    }

    it('a ticket that does not exist is 404, the same as one you cannot see', async () => {
      const res = await kit.api(
        'POST',
        `/api/v1/tickets/0193a000-0000-7000-8000-0000000000ee/withdraw`,
        'entA',
        { expectedVersion: 1, reason: 'r' },
      );
      expect(res.status).toBe(404);
    });
  });

  describe('reads × each role × own/other ticket', () => {
    for (const c of CALLERS) {
      it(`${c.who} ${c.sees ? 'sees' : 'does not see'} the ticket, its list entry and its attachment`, async () => {
        const detail = await kit.api('GET', `/api/v1/tickets/${ticket.id}`, c.who);
        expect(detail.status).toBe(c.sees ? 200 : 404);
        const list = await kit.api('GET', '/api/v1/tickets?limit=100', c.who);
        expect(list.status).toBe(200);
        expect(list.body.items.some((i: { id: string }) => i.id === ticket.id)).toBe(c.sees);
        const file = await kit.api('GET', `/api/v1/tickets/attachments/${ticket.attachmentId}`, c.who);
        expect(file.status).toBe(c.sees ? 200 : 404);
      });
    }

    it('lists are scoped: an enterprise never sees another enterprise’s tickets', async () => {
      await kit.submit('entB');
      const mine = await kit.api('GET', '/api/v1/tickets?limit=100', 'entB');
      expect(mine.body.items.length).toBeGreaterThan(0);
      expect(
        mine.body.items.every((i: { enterpriseId: string }) => i.enterpriseId === USERS.entB.enterpriseId),
      ).toBe(true);
      const all = await kit.api('GET', '/api/v1/tickets?limit=100', 'admin');
      expect(new Set(all.body.items.map((i: { enterpriseId: string }) => i.enterpriseId))).toEqual(
        new Set(['ent-a', 'ent-b']),
      );
    });

    it('submit is refused to roles that do not submit, upload to the admin', async () => {
      for (const who of ['depLead', 'admin'] as const) {
        expect((await kit.submit(who)).status).toBe(403);
      }
      // Committee staff log tickets for an enterprise, naming it and the channel (their own suite).
      expect((await kit.submit('committee')).status).toBe(400);
      // Committee staff attach files to notes and to tickets they log for an enterprise.
      expect((await kit.upload('admin', PNG, 'x.png')).status).toBe(403);
      expect((await kit.api('GET', `/api/v1/tickets/${ticket.id}`, null)).status).toBe(401);
    });
  });

  describe('every illegal transition is 409 naming the current status, and writes nothing', () => {
    const who: Record<Party, UserKey> = {
      owner: 'entA',
      lead: 'depLead',
      coHandler: 'depCo',
      committee: 'committee',
    };
    const fixtures = new Map<TicketStatus, string>();

    const post = (id: string, route: string, as: UserKey, body: Record<string, unknown>) =>
      kit.api('POST', `/api/v1/tickets/${id}/${route}`, as, body);
    const version = async (id: string) =>
      (await kit.api('GET', `/api/v1/tickets/${id}`, 'committee')).body.version;
    const step = async (id: string, route: string, as: UserKey, body: Record<string, unknown> = {}) => {
      const res = await post(id, route, as, { expectedVersion: await version(id), ...body });
      if (res.status !== 200) throw new Error(`${route}: ${res.status} ${JSON.stringify(res.body)}`);
    };

    beforeAll(async () => {
      const fresh = async () => (await kit.submit('entA')).body.id as string;
      const decide = (id: string) =>
        kit.publish(Topics.Dispatch, DispatchEvents.decided, id, {
          ticketId: id,
          leadDepartmentId: DEP.hrss,
          coHandlerDepartmentIds: [DEP.miit],
          via: 'rule',
          ruleId: 'r',
          ruleVersion: 1,
          explanation: '',
        });
      const inProgress = async () => {
        const id = await fresh();
        await decide(id);
        await step(id, 'acknowledge', 'depLead');
        return id;
      };
      const resolved = async () => {
        const id = await inProgress();
        await step(id, 'report-part', 'depCo', { content: 'done' });
        await step(id, 'reply', 'depLead', { message: 'answer' });
        await step(id, 'resolve', 'depLead', { result: 'fixed' });
        return id;
      };
      fixtures.set('submitted', await fresh());
      const triage = await fresh();
      await kit.publish(Topics.Dispatch, DispatchEvents.triageNeeded, triage, {
        ticketId: triage,
        explanation: 'none',
      });
      fixtures.set('triage', triage);
      fixtures.set('assigned', ticket.id);
      fixtures.set('in_progress', await inProgress());
      const transfer = await inProgress();
      await step(transfer, 'request-transfer', 'depLead', { reason: 'not ours' });
      fixtures.set('transfer_requested', transfer);
      fixtures.set('resolved', await resolved());
      const reopened = await resolved();
      await step(reopened, 'feedback', 'entA', {
        contacted: true,
        solved: false,
        satisfaction: 'unsatisfied',
      });
      await step(reopened, 'reopen', 'entA', { reason: 'no' });
      fixtures.set('reopened', reopened);
      const closed = await resolved();
      await step(closed, 'feedback', 'entA', { contacted: true, solved: true, satisfaction: 'satisfied' });
      fixtures.set('closed', closed);
      const withdrawn = await fresh();
      await decide(withdrawn); // assigned first, so its departments can still see it
      await step(withdrawn, 'withdraw', 'entA', { reason: 'gone' });
      fixtures.set('withdrawn', withdrawn);
    });

    it('has a fixture in every status', async () => {
      for (const [status, id] of fixtures)
        expect((await kit.api('GET', `/api/v1/tickets/${id}`, 'committee')).body.status).toBe(status);
      expect(fixtures.size).toBe(9);
    });

    for (const e of ENDPOINTS) {
      it(`${e.route} outside ${TRANSITIONS[e.action].from.join('/')}`, async () => {
        const outboxBefore = await kit.count('outbox');
        let checked = 0;
        for (const [status, id] of fixtures) {
          if (TRANSITIONS[e.action].from.includes(status)) continue;
          const res = await post(id, e.route, who[e.party], {
            expectedVersion: await version(id),
            ...e.body(),
          });
          // Before dispatch no department holds the ticket, so to a department it does not exist.
          const hidden =
            (e.party === 'lead' || e.party === 'coHandler') &&
            (status === 'submitted' || status === 'triage');
          if (hidden) {
            expect({ status, code: res.status }).toEqual({ status, code: 404 });
            continue;
          }
          expect({
            status,
            code: res.status,
            type: res.body.type,
            currentStatus: res.body.currentStatus,
          }).toEqual({
            status,
            code: 409,
            type: 'urn:chuishao:problem:illegalTransition',
            currentStatus: status,
          });
          expect(res.body.detail).toContain(status);
          checked++;
        }
        expect(checked).toBeGreaterThan(0);
        expect(await kit.count('outbox')).toBe(outboxBefore);
      });
    }
  });
});
