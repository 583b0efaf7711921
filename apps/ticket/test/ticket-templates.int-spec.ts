import { SlaEvents, Topics } from '@ticketing/contracts';
import {
  DEP,
  Json,
  routedTicket,
  rowCounts,
  startTicketKit,
  TicketKit,
  UserKey,
  USERS,
} from './ticket-test-kit';

const TABLES = ['reply_templates', 'reply_template_history'];
const BASE = '/api/v1/tickets/templates';

describe('reply templates (常用语)', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const create = (as: UserKey, title: string, body: string) => kit.api('POST', BASE, as, { title, body });

  it('the committee keeps zone-wide ones, a department its own; each reply box lists the zone’s and its own', async () => {
    const zone = await create(
      'committee',
      '已受理告知',
      '{enterprise}：您的诉求{number}已受理，将于{deadline}前答复。',
    );
    expect(zone).toMatchObject({
      status: 201,
      body: {
        scope: 'zone',
        departmentId: null,
        version: 1,
        placeholders: ['enterprise', 'number', 'deadline'],
      },
    });
    const hrss = await create('depLead', '招聘会通知', '{enterprise}您好，本月招聘会时间另行通知。');
    expect(hrss.body).toMatchObject({ scope: 'department', departmentId: DEP.hrss });
    const tax = await create('depOther', '退税材料', '请提供退税申请表。');

    const lead = await kit.api('GET', BASE, 'depLead');
    expect(lead.body.items.map((t: Json) => t.title)).toEqual(['已受理告知', '招聘会通知']);
    const all = await kit.api('GET', BASE, 'committee');
    expect(all.body.items.map((t: Json) => t.id)).toEqual(
      expect.arrayContaining([zone.body.id, hrss.body.id, tax.body.id]),
    );
    const oneDepartment = await kit.api('GET', `${BASE}?departmentId=${DEP.tax}`, 'committee');
    expect(oneDepartment.body.items.map((t: Json) => t.title)).toEqual(['已受理告知', '退税材料']);

    // Changing: the owner only, with the version it saw.
    const changed = await kit.api('PATCH', `${BASE}/${hrss.body.id}`, 'depLead', {
      expectedVersion: 1,
      body: '{enterprise}您好，招聘会定于下周三。',
    });
    expect(changed).toMatchObject({ status: 200, body: { version: 2, placeholders: ['enterprise'] } });
    expect(
      (await kit.api('PATCH', `${BASE}/${hrss.body.id}`, 'depLead', { expectedVersion: 1, title: 'x' }))
        .status,
    ).toBe(409);
    expect(
      (await kit.api('PATCH', `${BASE}/${zone.body.id}`, 'depLead', { expectedVersion: 1, title: 'x' }))
        .status,
    ).toBe(403);
    expect(
      (await kit.api('PATCH', `${BASE}/${hrss.body.id}`, 'depOther', { expectedVersion: 2, title: 'x' }))
        .status,
    ).toBe(404);
    // A title the owner has already: 409 naming it.
    const taken = await create('depLead', '招聘会通知', 'x');
    expect(taken.status).toBe(409);
    expect(taken.body.errors).toEqual([{ field: 'title', messages: [expect.any(String)] }]);

    expect((await kit.api('DELETE', `${BASE}/${tax.body.id}`, 'depLead')).status).toBe(404);
    expect((await kit.api('DELETE', `${BASE}/${tax.body.id}`, 'depOther')).status).toBe(204);
    expect((await kit.api('DELETE', `${BASE}/${tax.body.id}`, 'depOther')).status).toBe(404);
    const { rows } = await kit.pg.query(
      `SELECT action, version, actor_id FROM ticket.reply_template_history WHERE template_id = $1 ORDER BY version`,
      [tax.body.id],
    );
    expect(rows).toEqual([
      { action: 'created', version: 1, actor_id: USERS.depOther.id },
      { action: 'deleted', version: 2, actor_id: USERS.depOther.id },
    ]);
    await expect(kit.pg.query(`DELETE FROM ticket.reply_template_history`)).rejects.toThrow(/append-only/);
  });

  it('fills a template in for a ticket on the server: the enterprise, the number, the deadline in Beijing time', async () => {
    const template = await create(
      'committee',
      '答复时限告知',
      '{enterprise}：诉求{number}将于{deadline}前答复。',
    );
    const id = await routedTicket(kit);
    const render = (as: UserKey, ticketId = id) =>
      kit.api('POST', `${BASE}/${template.body.id}/render`, as, { ticketId });
    const before = await render('depLead');
    expect(before.status).toBe(200);
    expect(before.body.text).toMatch(/^六枝机械厂：诉求CS-\d{4}-\d{6}将于待定前答复。$/);
    await kit.publish(Topics.Sla, SlaEvents.deadlineSet, id, {
      ticketId: id,
      timerId: 'r',
      kind: 'resolve',
      departmentId: DEP.hrss,
      dueAt: '2026-03-12T09:30:00.000Z',
      policyId: 'p',
      policyVersion: 1,
      reason: 'opened',
    });
    const after = await render('committee');
    expect(after.body).toMatchObject({ templateId: template.body.id, title: '答复时限告知' });
    expect(after.body.text).toContain('将于2026年3月12日 17:30前答复');
    // A ticket the caller cannot see, and a template it does not read, are 404; nothing is written.
    expect((await render('depOther')).status).toBe(404);
    const own = await create('depOther', '税务', '{number}');
    expect((await kit.api('POST', `${BASE}/${own.body.id}/render`, 'depLead', { ticketId: id })).status).toBe(
      404,
    );
    expect((await render('depLead', '0193a000-0000-7000-8000-0000000000ee')).status).toBe(404);
  });

  describe('authorisation: each endpoint × each role × own/another’s template', () => {
    let zone: string;
    let hrss: string;
    let ticket: string;
    beforeAll(async () => {
      zone = (await create('committee', '矩阵-全区', '{number}')).body.id;
      hrss = (await create('depLead', '矩阵-人社', '{number}')).body.id;
      ticket = await routedTicket(kit);
    });
    const callers: UserKey[] = ['entA', 'insA', 'depLead', 'depOther', 'committee', 'admin'];
    // Expected status per caller: staff only; another department's template is 404, a zone one 403 to change.
    const cases: {
      name: string;
      send: (who: UserKey) => Promise<{ status: number }>;
      expect: Record<string, number>;
    }[] = [
      {
        name: 'list',
        send: (who) => kit.api('GET', BASE, who),
        expect: { entA: 403, insA: 403, depLead: 200, depOther: 200, committee: 200, admin: 403 },
      },
      {
        name: 'create (duplicate title of its own owner → 409 for the committee)',
        send: (who) => create(who, '矩阵-全区', 'x'),
        expect: { entA: 403, insA: 403, depLead: 201, depOther: 201, committee: 409, admin: 403 },
      },
      {
        name: 'change a department’s (stale version)',
        send: (who) => kit.api('PATCH', `${BASE}/${hrss}`, who, { expectedVersion: 99, title: 'y' }),
        expect: { entA: 403, insA: 403, depLead: 409, depOther: 404, committee: 403, admin: 403 },
      },
      {
        name: 'change the zone’s (stale version)',
        send: (who) => kit.api('PATCH', `${BASE}/${zone}`, who, { expectedVersion: 99, title: 'y' }),
        expect: { entA: 403, insA: 403, depLead: 403, depOther: 403, committee: 409, admin: 403 },
      },
      {
        name: 'remove an unknown one',
        send: (who) => kit.api('DELETE', `${BASE}/0193a000-0000-7000-8000-0000000000ee`, who),
        expect: { entA: 403, insA: 403, depLead: 404, depOther: 404, committee: 404, admin: 403 },
      },
      {
        name: 'render a department’s for a ticket of that department',
        send: (who) => kit.api('POST', `${BASE}/${hrss}/render`, who, { ticketId: ticket }),
        expect: { entA: 403, insA: 403, depLead: 200, depOther: 404, committee: 200, admin: 403 },
      },
    ];
    for (const c of cases) {
      for (const who of callers) {
        it(`${c.name} by ${who} → ${c.expect[who]}`, async () => {
          const res = await c.send(who);
          expect(res.status).toBe(c.expect[who]);
          if (res.status === 201) await kit.api('DELETE', `${BASE}/${(res as Json).body.id}`, who);
        });
      }
    }
    it('a department cannot remove the zone’s (403) nor another’s (404); nothing is written', async () => {
      const before = await rowCounts(kit, TABLES);
      expect((await kit.api('DELETE', `${BASE}/${zone}`, 'depOther')).status).toBe(403);
      expect((await kit.api('DELETE', `${BASE}/${hrss}`, 'depOther')).status).toBe(404);
      expect(await rowCounts(kit, TABLES)).toEqual(before);
    });
  });

  describe('bad input: 4xx naming the field, nothing written', () => {
    let mine: { id: string; version: number };
    beforeAll(async () => {
      mine = (await create('depLead', '坏输入', '{number}')).body;
    });
    const cases: [string, () => Promise<{ status: number; body: Json }>, number, string][] = [
      ['create without a title', () => kit.api('POST', BASE, 'depLead', { body: 'b' }), 400, 'title'],
      ['create with a blank title', () => create('depLead', '   ', 'b'), 400, 'title'],
      ['create with a title over 100', () => create('depLead', '题'.repeat(101), 'b'), 400, 'title'],
      ['create without a body', () => kit.api('POST', BASE, 'depLead', { title: 't' }), 400, 'body'],
      ['create with a body over 2000', () => create('depLead', 't', '字'.repeat(2001)), 400, 'body'],
      ['create with an unknown placeholder', () => create('depLead', 't', '{企业}您好'), 400, 'body'],
      [
        'create with a field nobody asked for',
        () => kit.api('POST', BASE, 'depLead', { title: 't', body: 'b', scope: 'zone' }),
        400,
        'scope',
      ],
      [
        'change without a version',
        () => kit.api('PATCH', `${BASE}/${mine.id}`, 'depLead', { title: 't' }),
        400,
        'expectedVersion',
      ],
      [
        'change with a blank body',
        () => kit.api('PATCH', `${BASE}/${mine.id}`, 'depLead', { expectedVersion: 1, body: ' ' }),
        400,
        'body',
      ],
      [
        'change to an unknown placeholder',
        () => kit.api('PATCH', `${BASE}/${mine.id}`, 'depLead', { expectedVersion: 1, body: '{deadlin}' }),
        400,
        'body',
      ],
      [
        'change with nothing new',
        () => kit.api('PATCH', `${BASE}/${mine.id}`, 'depLead', { expectedVersion: 1, body: '{number}' }),
        400,
        'body',
      ],
      [
        'change a template id that is not a uuid',
        () => kit.api('PATCH', `${BASE}/nope`, 'depLead', { expectedVersion: 1, title: 't' }),
        400,
        'id',
      ],
      [
        'remove a template id that is not a uuid',
        () => kit.api('DELETE', `${BASE}/nope`, 'depLead'),
        400,
        'id',
      ],
      [
        'render without a ticket',
        () => kit.api('POST', `${BASE}/${mine.id}/render`, 'depLead', {}),
        400,
        'ticketId',
      ],
      [
        'render with a ticket id that is not a uuid',
        () => kit.api('POST', `${BASE}/${mine.id}/render`, 'depLead', { ticketId: 'x' }),
        400,
        'ticketId',
      ],
      [
        'list with a department from a department',
        () => kit.api('GET', `${BASE}?departmentId=${DEP.tax}`, 'depLead'),
        400,
        'departmentId',
      ],
    ];
    it.each(cases)('%s', async (_, send, status, field) => {
      const before = await rowCounts(kit, TABLES);
      const res = await send();
      expect(res.status).toBe(status);
      expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
      expect(await rowCounts(kit, TABLES)).toEqual(before);
    });
  });
});
