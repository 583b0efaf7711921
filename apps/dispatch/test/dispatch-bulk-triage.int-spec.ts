import { DispatchEvents, newId, Roles, TicketEvents } from '@ticketing/contracts';
import { dep, DispatchTestKit, submitted, ticketBase, ticketEvent } from './dispatch-test-kit';

const PATH = '/api/v1/dispatch/triage/bulk-assign';
type Json = Record<string, unknown>;

describe('dispatch: assigning several tickets from the triage queue at once (批量分派)', () => {
  let kit: DispatchTestKit;

  beforeAll(async () => {
    kit = await DispatchTestKit.start();
  });
  afterAll(async () => {
    await kit?.stop();
  });

  /** Tickets no rule routes ("other"), each waiting in the triage queue. */
  async function triaged(n: number): Promise<string[]> {
    const events = Array.from({ length: n }, (_, i) =>
      submitted({ category: 'other', title: `园区道路照明不足 ${i + 1}` }),
    );
    await kit.publish(...events);
    return events.map((e) => e.aggregateId);
  }

  /** Everything the desk writes; a refused request must leave it unchanged. */
  async function fingerprint(): Promise<string> {
    const parts: string[] = [];
    for (const q of [
      'SELECT ticket_id, status, lead_department_id, events_emitted FROM dispatch.dispatch_tickets ORDER BY ticket_id',
      'SELECT count(*) FROM dispatch.outbox',
      'SELECT count(*) FROM dispatch.ticket_history',
      'SELECT count(*) FROM dispatch.department_activity',
    ])
      parts.push(JSON.stringify((await kit.sql.query(q)).rows));
    return parts.join('\n');
  }

  const decision = {
    leadDepartmentId: dep('econ_dev'),
    coHandlerDepartmentIds: [dep('treasury')],
    note: '园区公共设施，由经发局牵头、财政局配合',
  };

  it('assigns each waiting ticket on its own and names each refused one with the answer it alone would get', async () => {
    const [a, b, c] = await triaged(3);
    // b was routed by hand meanwhile; the fourth is no ticket the desk knows.
    const first = await kit.call('POST', `/api/v1/dispatch/triage/${b}/assign`, {
      role: 'committee',
      body: { leadDepartmentId: dep('tax'), coHandlerDepartmentIds: [], note: '税务事项' },
    });
    expect(first.status).toBe(200);
    const ghost = newId();

    const res = await kit.call('POST', PATH, {
      role: 'committee',
      body: { ...decision, ticketIds: [a, b, ghost, c] },
    });
    expect(res.status).toBe(200);
    expect(res.contentType).toContain('application/json');
    expect(res.body).toMatchObject({ succeeded: 2, failed: 2 });
    expect(res.body.results).toEqual([
      {
        ticketId: a,
        ok: true,
        number: expect.stringMatching(/^CS-2026-\d{6}$/),
        status: 'decided',
        leadDepartmentId: dep('econ_dev'),
        coHandlerDepartmentIds: [dep('treasury')],
      },
      {
        ticketId: b,
        ok: false,
        problem: expect.objectContaining({
          status: 409,
          type: 'urn:chuishao:problem:conflict',
          state: 'decided',
          detail: expect.stringContaining('is not waiting in triage: it is decided (manually)'),
        }),
      },
      {
        ticketId: ghost,
        ok: false,
        problem: expect.objectContaining({ status: 404, type: 'urn:chuishao:problem:notFound' }),
      },
      expect.objectContaining({ ticketId: c, ok: true, status: 'decided' }),
    ]);

    // One dispatch.decided each for a and c, by the committee, after their triage event; b keeps its own.
    for (const id of [a, c]) {
      const out = await kit.outbox(id);
      expect(out.map((o) => o.type)).toEqual([DispatchEvents.triageNeeded, DispatchEvents.decided]);
      expect(out[1].envelope).toMatchObject({
        aggregateVersion: 2,
        actor: { id: 'committee-user', role: 'committee' },
        payload: {
          ticketId: id,
          leadDepartmentId: dep('econ_dev'),
          coHandlerDepartmentIds: [dep('treasury')],
          via: 'manual',
          explanation: decision.note,
        },
      });
    }
    const bOut = await kit.outbox(b);
    expect(bOut.map((o) => o.envelope.payload.leadDepartmentId ?? null)).toEqual([null, dep('tax')]);
    expect(await kit.outbox(ghost)).toEqual([]);

    const queue = await kit.call('GET', '/api/v1/dispatch/triage?limit=200', { role: 'committee' });
    const waiting = queue.body.items.map((i: Json) => i.ticketId);
    for (const id of [a, b, c]) expect(waiting).not.toContain(id);
    const history = await kit.call('GET', `/api/v1/dispatch/tickets/${a}/history`, { role: 'committee' });
    expect(history.body.entries.map((e: Json) => e.kind)).toEqual([
      'submitted',
      'triage-queued',
      'assigned-manually',
    ]);
  });

  it('two desks sending overlapping lists at once assign each ticket exactly once', async () => {
    const ids = await triaged(6);
    const [one, two] = await Promise.all([
      kit.call('POST', PATH, { role: 'committee', body: { ...decision, ticketIds: ids } }),
      kit.call('POST', PATH, {
        role: 'committee',
        body: {
          ...decision,
          leadDepartmentId: dep('tax'),
          coHandlerDepartmentIds: [],
          ticketIds: [...ids].reverse(),
        },
      }),
    ]);
    expect([one.status, two.status]).toEqual([200, 200]);
    expect(one.body.succeeded + two.body.succeeded).toBe(ids.length);
    for (const id of ids) {
      const mine = [one, two].map((r) => r.body.results.find((x: Json) => x.ticketId === id));
      expect(mine.filter((x) => x.ok)).toHaveLength(1);
      expect(mine.find((x) => !x.ok).problem).toMatchObject({ status: 409, state: 'decided' });
      const decided = (await kit.outbox(id)).filter((o) => o.type === DispatchEvents.decided);
      expect(decided).toHaveLength(1);
    }
  });

  it('follows a ticket the ticket service withdrew meanwhile: that one is refused naming its state', async () => {
    const [kept, withdrawn] = await triaged(2);
    await kit.publish(
      ticketEvent(TicketEvents.withdrawn, withdrawn, {
        ...ticketBase(withdrawn, { status: 'withdrawn' }),
        reason: '已自行解决',
        departmentId: null,
      }),
    );
    const res = await kit.call('POST', PATH, {
      role: 'committee',
      body: { ...decision, ticketIds: [withdrawn, kept] },
    });
    expect(
      res.body.results.map((r: Json) => [r.ticketId, r.ok, (r.problem as Json | undefined)?.state ?? null]),
    ).toEqual([
      [withdrawn, false, 'withdrawn'],
      [kept, true, null],
    ]);
  });

  describe('who may call it, and bad input', () => {
    let waiting: string;
    beforeAll(async () => {
      [waiting] = await triaged(1);
    });

    it('401 without a valid token, 403 for everyone but the committee; nothing written', async () => {
      const before = await fingerprint();
      const body = { ...decision, ticketIds: [waiting] };
      expect((await kit.call('POST', PATH, { body })).status).toBe(401);
      const forged = kit.token('committee').replace(/.$/, (c) => (c === 'A' ? 'B' : 'A'));
      expect((await kit.call('POST', PATH, { body, token: forged })).status).toBe(401);
      for (const role of Roles.filter((r) => r !== 'committee')) {
        const res = await kit.call('POST', PATH, { role, body });
        expect([role, res.status, res.contentType]).toEqual([
          role,
          403,
          expect.stringContaining('problem+json'),
        ]);
      }
      expect(await fingerprint()).toBe(before);
    });

    const ok = () => ({ ...decision, ticketIds: [waiting] });
    const cases: [string, () => unknown, string][] = [
      ['no ticketIds', () => ({ ...decision }), 'ticketIds'],
      ['an empty list', () => ({ ...ok(), ticketIds: [] }), 'ticketIds'],
      ['ticketIds that is no list', () => ({ ...ok(), ticketIds: waiting }), 'ticketIds'],
      [
        '101 tickets',
        () => ({ ...ok(), ticketIds: Array.from({ length: 101 }, () => newId()) }),
        'ticketIds',
      ],
      ['a ticket named twice', () => ({ ...ok(), ticketIds: [waiting, waiting] }), 'ticketIds'],
      ['an id that is not a uuid', () => ({ ...ok(), ticketIds: [waiting, 'CS-2026-000001'] }), 'ticketIds'],
      ['an id that is a number', () => ({ ...ok(), ticketIds: [42] }), 'ticketIds'],
      ['no lead department', () => ({ ...ok(), leadDepartmentId: undefined }), 'leadDepartmentId'],
      ['an unknown lead department', () => ({ ...ok(), leadDepartmentId: 'nope' }), 'leadDepartmentId'],
      [
        'the lead among its co-handlers',
        () => ({ ...ok(), coHandlerDepartmentIds: [dep('econ_dev')] }),
        'coHandlerDepartmentIds',
      ],
      [
        'an unknown co-handler',
        () => ({ ...ok(), coHandlerDepartmentIds: ['gone'] }),
        'coHandlerDepartmentIds',
      ],
      [
        'no co-handler list',
        () => ({ ...ok(), coHandlerDepartmentIds: undefined }),
        'coHandlerDepartmentIds',
      ],
      ['no note', () => ({ ...ok(), note: undefined }), 'note'],
      ['a note of spaces', () => ({ ...ok(), note: '   ' }), 'note'],
      ['a note over 2000 characters', () => ({ ...ok(), note: '注'.repeat(2001) }), 'note'],
      ['a field nobody asked for', () => ({ ...ok(), force: true }), 'force'],
    ];
    it.each(cases)('%s: 400 naming the field, nothing written', async (_what, body, field) => {
      const before = await fingerprint();
      const res = await kit.call('POST', PATH, { role: 'committee', body: body() });
      expect(res.status).toBe(400);
      expect(res.contentType).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await fingerprint()).toBe(before);
    });

    it('a body that is not JSON is refused (415) and writes nothing', async () => {
      const before = await fingerprint();
      const res = await fetch(`${kit.running.url}${PATH}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kit.token('committee')}`, 'content-type': 'text/plain' },
        body: JSON.stringify(ok()),
      });
      expect(res.status).toBe(415);
      expect(await fingerprint()).toBe(before);
    });

    it('the ticket is still waiting after all of that, and a good request assigns it', async () => {
      const res = await kit.call('POST', PATH, { role: 'committee', body: ok() });
      expect(res.body).toMatchObject({ succeeded: 1, failed: 0, results: [{ ticketId: waiting, ok: true }] });
    });
  });
});
