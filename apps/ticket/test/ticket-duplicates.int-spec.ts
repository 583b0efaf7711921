import { TicketEvents } from '@ticketing/contracts';
import {
  actOn,
  DEP,
  detailOf,
  ENT_A,
  ENT_B,
  Json,
  PDF,
  PNG,
  routedTicket,
  rowCounts,
  startTicketKit,
  submission,
  TicketKit,
  UserKey,
  USERS,
} from './ticket-test-kit';

const TABLES = ['tickets', 'ticket_steps', 'outbox'];

describe('duplicates: similar tickets while typing, the check on submit, merging and linking', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const similar = (as: UserKey, query: Record<string, string>) =>
    kit.api('GET', `/api/v1/tickets/similar?${new URLSearchParams(query)}`, as);

  describe('similar open tickets of the same enterprise while typing', () => {
    let water: string;
    let closedOne: string;
    beforeAll(async () => {
      water = (
        await kit.submit('entA', { title: '厂区停水三天', description: '二号门供水主管破裂，全厂停水。' })
      ).body.id;
      await kit.submit('entA', { title: '招工难', description: '缺少数控操作工三十名。' });
      await kit.submit('entB', { title: '厂区停水三天', description: '二号门供水主管破裂，全厂停水。' });
      closedOne = (await kit.submit('entA', { title: '停水问题', description: '厂区停水' })).body.id;
      await actOn(kit, closedOne, 'withdraw', 'entA', { reason: '已恢复' });
    });

    it('finds 停水 in the enterprise’s own open tickets, most alike first; never another enterprise’s, never a withdrawn one', async () => {
      const res = await similar('entA', { title: '停水', description: '二号门停水了' });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([
        expect.objectContaining({
          id: water,
          title: '厂区停水三天',
          status: 'submitted',
          likelyDuplicate: false,
        }),
      ]);
      expect(res.body.items[0].similarity).toBeGreaterThanOrEqual(0.3);
      const twin = await similar('entA', { title: '厂区停水三天' });
      expect(twin.body.items[0]).toMatchObject({ id: water, similarity: 1, likelyDuplicate: true });
      expect((await similar('entA', { title: '融资难', description: '贷款审批慢' })).body.items).toEqual([]);
    });

    it('an instructor asks for an enterprise of their grids, committee staff for any; others see nothing of it', async () => {
      const ins = await similar('insA', { title: '厂区停水三天', enterpriseId: ENT_A });
      expect(ins.body.items.map((i: Json) => i.id)).toEqual([water]);
      const committee = await similar('committee', { title: '厂区停水三天', enterpriseId: ENT_A });
      expect(committee.body.items.map((i: Json) => i.id)).toEqual([water]);
      // Another grid's enterprise: nothing, as if it had no tickets.
      const insB = await similar('insB', { title: '厂区停水三天', enterpriseId: ENT_A });
      expect(insB).toMatchObject({ status: 200, body: { items: [] } });
      expect((await similar('entA', { title: '停水', enterpriseId: ENT_B })).status).toBe(403);
      for (const who of ['depLead', 'admin'] as const)
        expect((await similar(who, { title: '停水' })).status).toBe(403);
      expect((await kit.api('GET', '/api/v1/tickets/similar?title=x', null)).status).toBe(401);
    });

    it.each([
      ['neither title nor description', 'entA', {}, 'title'],
      ['a blank title only', 'entA', { title: '  ' }, 'title'],
      ['a title over 100 characters', 'entA', { title: '水'.repeat(101) }, 'title'],
      ['a description over 4000 characters', 'entA', { description: 'x'.repeat(4001) }, 'description'],
      ['no enterprise from an instructor', 'insA', { title: '停水' }, 'enterpriseId'],
      ['no enterprise from the committee', 'committee', { title: '停水' }, 'enterpriseId'],
      ['a parameter nobody asked for', 'entA', { title: '停水', status: 'open' }, 'status'],
    ] as const)('refuses %s with 400 naming the field', async (_, who, query, field) => {
      const res = await similar(who, query as Record<string, string>);
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
    });
  });

  describe('submitting a likely duplicate', () => {
    it('is a 409 possibleDuplicate listing the open ticket, nothing written; confirmed, it is filed', async () => {
      const body = { title: '食堂燃气管道漏气', description: '三号楼食堂燃气管道漏气，需要尽快检修。' };
      const first = await kit.submit('entB', body);
      expect(first.status).toBe(201);
      const before = await rowCounts(kit, TABLES);
      const again = await kit.api(
        'POST',
        '/api/v1/tickets',
        'entB',
        submission({ ...body, title: '食堂燃气管道漏气了', confirmNotDuplicate: undefined }),
      );
      expect(again.status).toBe(409);
      expect(again.body).toMatchObject({
        type: 'urn:chuishao:problem:possibleDuplicate',
        errors: [{ field: 'confirmNotDuplicate', messages: [expect.any(String)] }],
        candidates: [
          expect.objectContaining({ id: first.body.id, number: first.body.number, likelyDuplicate: true }),
        ],
      });
      expect(again.body.detail).toContain(first.body.number);
      expect(await rowCounts(kit, TABLES)).toEqual(before);
      // Explicitly unconfirmed is the same question; a non-boolean is bad input.
      const no = await kit.api(
        'POST',
        '/api/v1/tickets',
        'entB',
        submission({ ...body, confirmNotDuplicate: false }),
      );
      expect(no.status).toBe(409);
      const bad = await kit.api(
        'POST',
        '/api/v1/tickets',
        'entB',
        submission({ ...body, confirmNotDuplicate: 'yes' }),
      );
      expect(bad.status).toBe(400);
      expect(bad.body.errors.map((e: Json) => e.field)).toEqual(['confirmNotDuplicate']);
      expect(await rowCounts(kit, TABLES)).toEqual(before);
      const filed = await kit.api(
        'POST',
        '/api/v1/tickets',
        'entB',
        submission({ ...body, confirmNotDuplicate: true }),
      );
      expect(filed.status).toBe(201);
      // The same text from another enterprise is never its duplicate.
      const other = await kit.api(
        'POST',
        '/api/v1/tickets',
        'entA',
        submission({ ...body, confirmNotDuplicate: undefined }),
      );
      expect(other.status).toBe(201);
    });
  });

  describe('merging a duplicate into a main ticket', () => {
    it('the duplicate follows the main ticket: its answers reach the other enterprise, which rates its own ticket', async () => {
      const photo = await kit.upload('entA', PNG, '现场.png');
      const main = await routedTicket(kit, {
        title: '园区2号门供水主管破裂',
        attachmentIds: [photo.body.id],
      });
      const dup = await routedTicket(kit, { title: '2号门供水管破裂停水' }, 'entB', DEP.tax, []);
      await actOn(kit, main, 'acknowledge', 'depLead');
      await actOn(kit, main, 'interim-reply', 'depLead', { message: '抢修队已到场' });

      const merged = await actOn(kit, dup, 'merge', 'committee', {
        mainTicketId: main,
        reason: '同一处爆管',
      });
      expect(merged).toMatchObject({ id: dup, status: 'in_progress' });
      expect(await kit.outboxTypes(dup)).toContain(TicketEvents.merged);
      expect(await kit.outboxTypes(main)).toContain(TicketEvents.duplicateAttached);

      // The duplicate left tax's hands for the main ticket's departments.
      expect((await kit.api('GET', `/api/v1/tickets/${dup}`, 'depOther')).status).toBe(404);
      const seenByB = await detailOf(kit, dup, 'entB');
      expect(seenByB).toMatchObject({
        leadDepartment: { id: DEP.hrss },
        mergedInto: { ticketId: main },
        followsMain: true,
      });
      expect((await kit.api('GET', `/api/v1/tickets/${main}`, 'entB')).status).toBe(404);
      // Other tickets show to staff only.
      expect((await detailOf(kit, main, 'committee')).duplicates).toEqual([
        { ticketId: dup, number: expect.any(String) },
      ]);
      const seenByA = await detailOf(kit, main, 'entA');
      expect(seenByA.duplicates).toEqual([]);
      expect(
        seenByA.timeline.find((s: Json) => s.eventType === TicketEvents.duplicateAttached).details,
      ).toEqual({});
      // Nothing is done to it directly meanwhile.
      const direct = await actOn(kit, dup, 'reply', 'depLead', { message: 'x' }, 409);
      expect(direct.detail).toContain(main);

      await actOn(kit, main, 'report-part', 'depCo', { content: '已配合' });
      await actOn(kit, main, 'reply', 'depLead', { message: '已更换管段，恢复供水' });
      const evidence = await kit.upload('depLead', PDF, '验收单.pdf');
      await actOn(kit, main, 'resolve', 'depLead', {
        result: '已更换管段，恢复供水',
        evidenceAttachmentIds: [evidence.body.id],
      });
      const followed = await detailOf(kit, dup, 'entB');
      expect(followed.status).toBe('resolved');
      expect(
        followed.timeline.filter((s: Json) => s.reasonCode === 'followed.main').map((s: Json) => s.eventType),
      ).toEqual([TicketEvents.replied, TicketEvents.resolved]);
      // The evidence came with the resolution: the duplicate's enterprise reads it, not the main ticket's own files.
      expect(followed.resolution.evidence).toEqual([expect.objectContaining({ id: evidence.body.id })]);
      expect((await kit.api('GET', `/api/v1/tickets/attachments/${evidence.body.id}`, 'entB')).status).toBe(
        200,
      );
      expect((await kit.api('GET', `/api/v1/tickets/attachments/${evidence.body.id}`, 'insB')).status).toBe(
        200,
      );
      expect((await kit.api('GET', `/api/v1/tickets/attachments/${photo.body.id}`, 'entB')).status).toBe(404);
      expect(
        (await kit.api('GET', `/api/v1/tickets/attachments/${evidence.body.id}`, 'depOther')).status,
      ).toBe(404);
      await actOn(kit, dup, 'feedback', 'entB', { contacted: true, solved: true, satisfaction: 'satisfied' });
      expect((await detailOf(kit, dup)).status).toBe('closed');
      expect((await detailOf(kit, main)).status).toBe('resolved');
    });

    it('refuses what cannot be merged: into itself or an unknown ticket (400), a main ticket not routed (400), twice (409)', async () => {
      const a = await routedTicket(kit);
      const b = await routedTicket(kit, {}, 'entB', DEP.tax, []);
      const unrouted = (await kit.submit('entA')).body.id;
      const before = await rowCounts(kit, TABLES);
      for (const [mainTicketId, field] of [
        [b, 'mainTicketId'],
        ['0193a000-0000-7000-8000-0000000000ee', 'mainTicketId'],
        [unrouted, 'mainTicketId'],
      ]) {
        const res = await actOn(kit, b, 'merge', 'committee', { mainTicketId, reason: 'r' }, 400);
        expect(res.errors.map((e: Json) => e.field)).toEqual([field]);
      }
      expect(await rowCounts(kit, TABLES)).toEqual(before);
      await actOn(kit, b, 'merge', 'committee', { mainTicketId: a, reason: 'r' });
      await actOn(kit, b, 'merge', 'committee', { mainTicketId: a, reason: 'r' }, 409);
    });
  });

  describe('linking related tickets', () => {
    it('links every ticket of one incident to the others; staff see the links, the enterprises do not', async () => {
      const a = await routedTicket(kit);
      const b = await routedTicket(kit, {}, 'entB', DEP.tax, []);
      const c = (await kit.submit('entA', { title: '另一个', description: '另一个问题' })).body.id;
      await actOn(kit, a, 'link', 'committee', { ticketIds: [b, c], reason: '同一处爆管' });
      expect((await detailOf(kit, a)).relatedTicketIds).toEqual([b, c]);
      expect((await detailOf(kit, b, 'depOther')).relatedTicketIds).toEqual([a, c]);
      expect((await detailOf(kit, c)).relatedTicketIds).toEqual([a, b]);
      const seen = await detailOf(kit, b, 'entB');
      expect(seen.relatedTicketIds).toEqual([]);
      expect(JSON.stringify(seen)).not.toContain(a);
      await actOn(kit, a, 'link', 'committee', { ticketIds: [c], reason: 'again' }, 409);
    });
  });

  describe('authorisation: merge and link × each role × own/other ticket', () => {
    let id: string;
    let other: string;
    beforeAll(async () => {
      id = await routedTicket(kit);
      other = await routedTicket(kit, {}, 'entB', DEP.tax, []);
    });
    const callers: UserKey[] = [
      'entA',
      'insA',
      'entB',
      'insB',
      'depLead',
      'depCo',
      'depOther',
      'committee',
      'admin',
    ];
    for (const route of ['merge', 'link']) {
      for (const who of callers) {
        const expected = USERS[who].role === 'committee' ? 409 : 403;
        it(`${route} by ${who} → ${expected}`, async () => {
          const before = await rowCounts(kit, TABLES);
          const body =
            route === 'merge' ? { mainTicketId: other, reason: 'r' } : { ticketIds: [other], reason: 'r' };
          const res = await kit.api('POST', `/api/v1/tickets/${id}/${route}`, who, {
            expectedVersion: 999,
            ...body,
          });
          expect(res.status).toBe(expected);
          if (expected === 409) expect(res.body.type).toBe('urn:chuishao:problem:versionConflict');
          expect(await rowCounts(kit, TABLES)).toEqual(before);
        });
      }
    }
  });

  describe('bad input to merge and link: 400 naming the field, nothing written', () => {
    let id: string;
    let other: string;
    beforeAll(async () => {
      id = await routedTicket(kit);
      other = await routedTicket(kit, {}, 'entB', DEP.tax, []);
    });
    const cases: [string, string, () => Record<string, unknown>, string][] = [
      ['merge', 'no main ticket', () => ({ reason: 'r' }), 'mainTicketId'],
      [
        'merge',
        'a main ticket that is not a uuid',
        () => ({ mainTicketId: 'x', reason: 'r' }),
        'mainTicketId',
      ],
      ['merge', 'no reason', () => ({ mainTicketId: other }), 'reason'],
      ['merge', 'a blank reason', () => ({ mainTicketId: other, reason: '  ' }), 'reason'],
      [
        'merge',
        'a reason over 2000 characters',
        () => ({ mainTicketId: other, reason: 'r'.repeat(2001) }),
        'reason',
      ],
      ['link', 'no tickets', () => ({ reason: 'r' }), 'ticketIds'],
      ['link', 'an empty list', () => ({ ticketIds: [], reason: 'r' }), 'ticketIds'],
      ['link', 'a ticket id that is not a uuid', () => ({ ticketIds: ['x'], reason: 'r' }), 'ticketIds'],
      [
        'link',
        'twenty-one tickets',
        () => ({
          ticketIds: Array.from(
            { length: 21 },
            (_, i) => `0193a000-0000-7000-8000-0000000002${String(i).padStart(2, '0')}`,
          ),
          reason: 'r',
        }),
        'ticketIds',
      ],
      [
        'link',
        'an unknown ticket',
        () => ({ ticketIds: ['0193a000-0000-7000-8000-0000000000ee'], reason: 'r' }),
        'ticketIds',
      ],
      ['link', 'the ticket itself', () => ({ ticketIds: [id], reason: 'r' }), 'ticketIds'],
      ['link', 'no reason', () => ({ ticketIds: [other] }), 'reason'],
    ];
    it.each(cases)('%s: %s', async (route, _, body, field) => {
      const before = await rowCounts(kit, TABLES);
      const version = (await detailOf(kit, id)).version;
      const res = await kit.api('POST', `/api/v1/tickets/${id}/${route}`, 'committee', {
        expectedVersion: version,
        ...body(),
      });
      expect(res.status).toBe(400);
      expect(res.body.errors.map((e: Json) => e.field)).toContain(field);
      expect(await rowCounts(kit, TABLES)).toEqual(before);
    });
  });
});
