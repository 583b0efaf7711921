import { AuthUser } from '@ticketing/auth';
import { DirectoryEvents, SlaEvents, Topics } from '@ticketing/contracts';
import { Queryable } from '@ticketing/database';
import { statementParts, statementsOf } from '@ticketing/testing';
import { indexTickets } from '../src/search/infrastructure/ticket-search.indexer';
import {
  actOn,
  DEP,
  ENT_A,
  ENT_B,
  GRID_A,
  Json,
  routedTicket,
  rowCounts,
  startTicketKit,
  TicketKit,
  UserKey,
} from './ticket-test-kit';

/**
 * Search (issue 16, ADR 0015) on real PostgreSQL through the ticket service's HTTP API: what it
 * finds and how (numbers, enterprise names and credit codes, Chinese words inside longer runs,
 * the conversation), ranking, highlighting, filters, paging, who sees what, and bad input.
 */
describe('ticket search', () => {
  let kit: TicketKit;
  const ids: Record<string, string> = {};
  const numbers: Record<string, string> = {};

  type Hit = {
    id: string;
    number: string;
    score: number;
    highlights: { field: string; text: string; matches: { start: number; end: number }[] }[];
  };
  const search = async (
    as: UserKey | AuthUser,
    query: string,
  ): Promise<{ status: number; body: Json; headers: Headers }> =>
    kit.api('GET', `/api/v1/tickets/search?${query}`, as);
  const found = async (as: UserKey | AuthUser, query: string): Promise<string[]> => {
    const res = await search(as, query);
    expect({ query, status: res.status, body: res.body }).toMatchObject({ status: 200 });
    return res.body.items.map((i: Hit) => i.id);
  };
  const q = (s: string) => `q=${encodeURIComponent(s)}`;
  const key = (id: string) => Object.entries(ids).find(([, v]) => v === id)?.[0] ?? id;
  const keys = async (as: UserKey | AuthUser, query: string) => (await found(as, query)).map(key);

  beforeAll(async () => {
    kit = await startTicketKit();
    // Enterprise A: routed to hrss (lead) with miit co-handling, answered with an interim reply and a reply.
    ids.water = await routedTicket(kit, {
      title: '厂区停水三天',
      description: '2号门的供水主管破裂，厂区停水，影响生产。',
      category: 'utilities',
      location: 'A3车间',
    });
    await actOn(kit, ids.water, 'acknowledge', 'depLead');
    await actOn(kit, ids.water, 'interim-reply', 'depLead', { message: '已联系自来水公司抢修' });
    await actOn(kit, ids.water, 'report-part', 'depCo', { content: '已配合排查管网' });
    await actOn(kit, ids.water, 'resolve', 'depLead', { result: '主管已于3月5日更换，恢复供水' });
    await actOn(kit, ids.water, 'reply', 'depLead', { message: '您好，DN300主管已更换，恢复供水。' });
    // Enterprise A: 停水 only in the description, routed to tax alone.
    ids.power = await routedTicket(
      kit,
      { title: '变压器故障', description: '变压器烧毁后厂区停电，水泵停转导致停水。', category: 'utilities' },
      'entA',
      DEP.tax,
      [],
    );
    // Enterprise A, submitted by its instructor, by phone intake category labour, not routed yet.
    ids.labour = (
      await kit.submit('insA', {
        enterpriseId: ENT_A,
        title: '申请稳岗补贴',
        description: '去年申请的稳岗补贴一直未到账。',
        category: 'labour',
      })
    ).body.id;
    // Enterprise B: the same words, routed to transport; never visible to A, hrss or A's instructor.
    ids.other = await routedTicket(
      kit,
      { title: '园区停水', description: '园区停水两天，厂区停水影响生产。', category: 'utilities' },
      'entB',
      DEP.transport,
      [],
    );
    for (const [k, id] of Object.entries(ids)) {
      const { rows } = await kit.pg.query(`SELECT number FROM ticket.tickets WHERE id = $1`, [id]);
      numbers[k] = rows[0].number;
    }
  });

  afterAll(() => kit?.close());

  it('finds 停水 inside 厂区停水三天, and a word of description, location and the conversation', async () => {
    expect(await keys('committee', q('停水'))).toEqual(expect.arrayContaining(['water', 'power', 'other']));
    expect(await keys('committee', q('供水主管'))).toEqual(['water']);
    expect(await keys('committee', q('a3车间'))).toEqual(['water']);
    expect(await keys('committee', q('自来水公司'))).toEqual(['water']); // the interim reply
    expect(await keys('committee', q('dn300'))).toEqual(['water']); // the reply
    expect(await keys('committee', q('3月5日更换'))).toEqual(['water']); // the resolution
    expect(await keys('committee', q('停水三天'))).toEqual(['water']);
    expect(await keys('committee', q('水泵'))).toEqual(['power']);
    expect(await keys('committee', q('停电停水'))).toEqual([]); // not written so anywhere
  });

  it('finds a ticket by its number, exactly and by its last digits', async () => {
    const [first] = await found('committee', q(numbers.power));
    expect(key(first)).toBe('power');
    expect(await keys('committee', q(numbers.labour.slice(-6)))).toEqual(['labour']);
    expect(await keys('committee', q(numbers.labour.toLowerCase()))).toEqual(['labour']);
  });

  it('finds an enterprise tickets by part of its name and by its credit code, once the directory tells it', async () => {
    expect(await keys('committee', q('高新电子'))).toEqual(['other']);
    expect(await keys('committee', q('91520000MA6DXXXX0X')).then((k) => k.sort())).toEqual(
      ['labour', 'other', 'power', 'water'].sort(),
    );
    // A new code reaches the enterprise's tickets at once (their rows are indexed again with it).
    await kit.publish(Topics.Directory, DirectoryEvents.enterpriseUpserted, ENT_B, {
      id: ENT_B,
      name: '贵阳高新电子有限公司',
      creditCode: '91520100MA6BBBBB1B',
      gridId: 'grid-b',
      contacts: [],
      active: true,
    });
    expect(await keys('committee', q('91520100MA6BBBBB1B'))).toEqual(['other']);
    expect(await keys('committee', q('贵阳高新'))).toEqual(['other']);
    expect(await keys('committee', q('91520000MA6DXXXX0X'))).not.toContain('other');
  });

  it('ranks a title match above a description match, an exact number above all', async () => {
    const order = await keys('entA', q('停水'));
    expect(order.indexOf('water')).toBeLessThan(order.indexOf('power'));
    const res = await search('committee', q(numbers.water));
    expect(key(res.body.items[0].id)).toBe('water');
    expect(res.body.items[0].score).toBeGreaterThan(100);
  });

  it('says which fragment matched, with the matched words marked', async () => {
    const res = await search('committee', q('停水 供水'));
    const hit: Hit = res.body.items.find((i: Hit) => i.id === ids.water);
    expect(hit.highlights[0]).toEqual({
      field: 'title',
      text: '厂区停水三天',
      matches: [{ start: 2, end: 4 }],
    });
    const description = hit.highlights.find((h) => h.field === 'description')!;
    expect(description.matches.map((m) => description.text.slice(m.start, m.end))).toEqual(['供水', '停水']);
    const reply = await search('committee', q('自来水公司'));
    expect(reply.body.items[0].highlights).toEqual([
      { field: 'conversation', text: '已联系自来水公司抢修', matches: [{ start: 3, end: 8 }] },
    ]);
  });

  it('filters by status, category, channel, grid, department and date range', async () => {
    const all = q('停水');
    expect((await keys('committee', `${all}&status=resolved`)).sort()).toEqual(['water']);
    expect((await keys('committee', `${all}&status=resolved,assigned`)).sort()).toEqual([
      'other',
      'power',
      'water',
    ]);
    expect(await keys('committee', `${q('补贴')}&category=labour`)).toEqual(['labour']);
    expect(await keys('committee', `${q('补贴')}&category=tax`)).toEqual([]);
    expect(await keys('committee', `${q('补贴')}&channel=web`)).toEqual(['labour']);
    expect(await keys('committee', `${q('补贴')}&channel=phone`)).toEqual([]);
    expect((await keys('committee', `${all}&gridId=${GRID_A}`)).sort()).toEqual(['power', 'water']);
    expect(await keys('committee', `${all}&departmentId=${DEP.miit}`)).toEqual(['water']); // co-handler
    expect(await keys('committee', `${all}&departmentId=${DEP.transport}`)).toEqual(['other']);
    const today = new Date().toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
    expect((await keys('committee', `${all}&from=${today}&to=${today}`)).length).toBe(3);
    expect(await keys('committee', `${all}&to=2020-01-01`)).toEqual([]);
    expect(
      await keys(
        'committee',
        `${all}&from=${encodeURIComponent(new Date(Date.now() + 3600_000).toISOString())}`,
      ),
    ).toEqual([]);
  });

  it('filters the overdue as the lists do', async () => {
    await kit.publish(Topics.Sla, SlaEvents.deadlineSet, ids.power, {
      ticketId: ids.power,
      timerId: 't-power',
      kind: 'respond',
      departmentId: DEP.tax,
      dueAt: new Date(Date.now() - 3600_000).toISOString(),
      policyId: 'p',
      policyVersion: 1,
      reason: 'opened',
    });
    expect(await keys('committee', `${q('停水')}&overdue=true`)).toEqual(['power']);
    const list = await kit.api('GET', '/api/v1/tickets?overdue=true', 'committee');
    expect(list.body.items.map((i: Hit) => key(i.id))).toEqual(['power']);
    expect((await keys('committee', `${q('停水')}&overdue=false`)).sort()).toEqual(['other', 'water']);

    // Indexed again (a note is saved with the ticket): still overdue, the clock kept in the row.
    const note = await kit.api('POST', `/api/v1/tickets/${ids.power}/notes`, 'depOther', {
      text: '已电话催办',
    });
    expect(note.status).toBeLessThan(300);
    expect(await keys('committee', `${q('停水')}&overdue=true`)).toEqual(['power']);

    // A red card counts whatever the status, as in the lists (here a resolved ticket whose resolve
    // clock has not been stopped yet).
    const sla = (type: string, ticketId: string, payload: Record<string, unknown>) =>
      kit.publish(Topics.Sla, type, ticketId, {
        ticketId,
        timerId: `t-${ticketId}`,
        departmentId: DEP.hrss,
        dueAt: '',
        ...payload,
      });
    await sla(SlaEvents.breached, ids.water, { kind: 'resolve', level: 'red' });
    expect((await keys('committee', `${q('停水')}&overdue=true`)).sort()).toEqual(['power', 'water']);
    const listed = await kit.api('GET', '/api/v1/tickets?overdue=true', 'committee');
    expect(listed.body.items.map((i: Hit) => key(i.id)).sort()).toEqual(['power', 'water']);
    expect(await keys('committee', `${q('停水')}&overdue=false`)).toEqual(['other']);

    // The clocks stop: nothing is overdue any more, for search as for the lists.
    await sla(SlaEvents.timerStopped, ids.water, {
      kind: 'resolve',
      stoppedAt: new Date().toISOString(),
      breached: true,
      workingMinutesUsed: 1,
    });
    await sla(SlaEvents.timerStopped, ids.power, {
      kind: 'respond',
      stoppedAt: new Date().toISOString(),
      breached: true,
      workingMinutesUsed: 1,
    });
    expect(await keys('committee', `${q('停水')}&overdue=true`)).toEqual([]);
    expect((await kit.api('GET', '/api/v1/tickets?overdue=true', 'committee')).body.items).toEqual([]);
    expect((await keys('committee', `${q('停水')}&overdue=false`)).sort()).toEqual([
      'other',
      'power',
      'water',
    ]);
    const { rows } = await kit.pg.query(
      `SELECT count(*)::int AS n FROM ticket.ticket_search WHERE doc @@ '''~k'''::tsquery OR clock_red
          OR clock_respond_due_at IS NOT NULL OR clock_resolve_due_at IS NOT NULL`,
    );
    expect(rows[0].n).toBe(0);
  });

  it('finds a lone character, and a number by its parts only where the text has them', async () => {
    expect(await keys('committee', q('泵'))).toEqual(['power']);
    expect(await keys('committee', q('破'))).toEqual(['water']); // 破裂, in the middle of a run
    expect((await keys('entA', q('水'))).sort()).toEqual(['power', 'water']);
    expect((await keys('committee', q('泵 烧'))).sort()).toEqual(['power']);
    expect(await keys('committee', q('泵 破'))).toEqual([]);
    // The year of a number is a whole word: CS-2026-0 is not a prefix of any other year's numbers.
    const [, year, digits] = numbers.labour.split('-');
    expect(await keys('committee', q(`CS-${year}-${digits}`))).toEqual(['labour']);
    expect(await keys('committee', q(`CS-${year.slice(0, 3)}-${digits}`))).toEqual([]);
  });

  it('pages with a cursor, without repeating or losing a hit, and bounds the page', async () => {
    const extra: string[] = [];
    for (let i = 0; i < 7; i++)
      extra.push(
        (
          await kit.submit('entB', {
            title: `分页测试诉求${i}`,
            description: '检查翻页的诉求',
            category: 'other',
          })
        ).body.id,
      );
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: { status: number; body: Json } = await search(
        'committee',
        `${q('翻页')}&limit=3${cursor ? `&cursor=${cursor}` : ''}`,
      );
      expect(res.status).toBe(200);
      expect(res.body.items.length).toBeLessThanOrEqual(3);
      expect(res.body.total).toBe(7);
      expect(res.body.totalIsLowerBound).toBe(false);
      seen.push(...res.body.items.map((i: Hit) => i.id));
      cursor = res.body.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen.sort()).toEqual(extra.sort());
    const first = await search('committee', `${q('翻页')}&limit=3`);
    const other = await search('committee', `${q('停水')}&limit=3&cursor=${first.body.nextCursor}`);
    expect([other.status, other.body.errors?.[0]?.field]).toEqual([400, 'cursor']);
  });

  it('shows each caller only what they may see: another ticket never appears', async () => {
    const words = q('停水');
    expect((await keys('entA', words)).sort()).toEqual(['power', 'water']);
    expect(await keys('entB', words)).toEqual(['other']);
    expect((await keys('insA', words)).sort()).toEqual(['power', 'water']);
    expect(await keys('insB', words)).toEqual(['other']);
    expect(await keys('depLead', words)).toEqual(['water']); // hrss leads
    expect(await keys('depCo', words)).toEqual(['water']); // miit co-handles
    expect(await keys('depOther', words)).toEqual(['power']); // tax leads
    expect(await keys('depNew', words)).toEqual(['other']); // transport leads
    expect((await keys('committee', words)).sort()).toEqual(['other', 'power', 'water']);
    expect((await keys('admin', words)).sort()).toEqual(['other', 'power', 'water']);
    // The number of another's ticket, or its enterprise's name, finds nothing either.
    expect(await keys('entA', q(numbers.other))).toEqual([]);
    expect(await keys('depLead', q('高新电子'))).toEqual([]);
    expect(await keys('entA', `${q('停水')}&departmentId=${DEP.transport}`)).toEqual([]);
    // A filter cannot widen the view: an enterprise asking for another grid still sees only its own.
    expect(await keys('entA', `${q('停水')}&gridId=grid-b`)).toEqual([]);
    // Users without a scope see nothing.
    const lost: AuthUser = { id: 'u-x', role: 'enterprise', name: '无企业' };
    expect(await keys(lost, words)).toEqual([]);
    expect(await keys({ id: 'u-y', role: 'department', name: '无部门' }, words)).toEqual([]);
  });

  it('follows a ticket to its new department when it moves', async () => {
    const moved = await routedTicket(
      kit,
      { title: '转办测试', description: '转办后的停水诉求' },
      'entA',
      DEP.hrss,
      [],
    );
    expect(await found('depLead', q('转办测试'))).toEqual([moved]);
    await kit.publish(Topics.Dispatch, 'dispatch.decided', moved, {
      ticketId: moved,
      leadDepartmentId: DEP.tax,
      coHandlerDepartmentIds: [],
      via: 'manual',
      ruleId: null,
      ruleVersion: null,
      explanation: 'desk',
    });
    const lead = await kit.pg.query(`SELECT lead_department_id FROM ticket.tickets WHERE id = $1`, [moved]);
    const expected =
      lead.rows[0].lead_department_id === DEP.tax ? ['depOther', 'depLead'] : ['depLead', 'depOther'];
    expect(await found(expected[0] as UserKey, q('转办测试'))).toEqual([moved]);
    expect(await found(expected[1] as UserKey, q('转办测试'))).toEqual([]);
  });

  it('never finds the words of an internal note, for anyone', async () => {
    const res = await kit.api('POST', `/api/v1/tickets/${ids.water}/notes`, 'depLead', {
      text: '内部备注：该企业法人另有欠税记录',
    });
    expect(res.status).toBeLessThan(300);
    const { rows } = await kit.pg.query(
      `SELECT count(*)::int AS n FROM ticket.ticket_steps WHERE ticket_id = $1 AND event_type = 'ticket.note-added'`,
      [ids.water],
    );
    expect(rows[0].n).toBe(1);
    for (const who of ['entA', 'insA', 'depLead', 'committee', 'admin'] as const) {
      expect(await found(who, q('欠税记录'))).toEqual([]);
      const hits = await search(who, q('停水'));
      expect(JSON.stringify(hits.body)).not.toContain('欠税');
    }
  });

  it('refuses bad input with a 400 naming the field, and anyone without a role', async () => {
    const before = await rowCounts(kit, ['tickets', 'ticket_search', 'ticket_steps']);
    const cases: [string, string][] = [
      ['', 'q'],
      ['q=', 'q'],
      [`q=${'停'.repeat(101)}`, 'q'],
      [`q=${'水'.repeat(1000)}`, 'q'],
      ['q=%EF%BC%8C%E3%80%82', 'q'], // only punctuation: nothing to look for
      ['q=%00', 'query.q'],
      ['q=a%00b', 'query.q'],
      [`${q('停水')}&from=2026-02-30`, 'from'],
      [`${q('停水')}&from=yesterday`, 'from'],
      [`${q('停水')}&to=2026-13-01`, 'to'],
      [`${q('停水')}&from=2026-03-02&to=2026-03-01`, 'to'],
      [`${q('停水')}&status=open`, 'status'],
      [`${q('停水')}&channel=fax`, 'channel'],
      [`${q('停水')}&overdue=maybe`, 'overdue'],
      [`${q('停水')}&limit=0`, 'limit'],
      [`${q('停水')}&limit=51`, 'limit'],
      [`${q('停水')}&cursor=not-a-cursor`, 'cursor'],
      [`${q('停水')}&cursor=${Buffer.from('9999|x').toString('base64url')}`, 'cursor'],
      [`${q('停水')}&sort=newest`, 'sort'],
    ];
    for (const [query, field] of cases) {
      const res = await search('committee', query);
      expect({ query, status: res.status, type: res.headers.get('content-type') }).toEqual({
        query,
        status: 400,
        type: expect.stringContaining('application/problem+json'),
      });
      expect({ query, fields: res.body.errors?.map((e: { field: string }) => e.field) }).toEqual({
        query,
        fields: expect.arrayContaining([field]),
      });
    }
    expect((await kit.api('GET', `/api/v1/tickets/search?${q('停水')}`, null)).status).toBe(401);
    // Every role may search (each within its view); a token of no known role is refused outright.
    const stranger = { id: 'u-s', role: 'system', name: 'x' } as unknown as AuthUser;
    expect((await search(stranger, q('停水'))).status).toBe(401);
    expect(await rowCounts(kit, ['tickets', 'ticket_search', 'ticket_steps'])).toEqual(before);
  });

  it('writes a save’s search row in the save’s own statement, as the full read-back would compute it', async () => {
    // A reply (conversation), a co-handler's report (parts unchanged for search) and a new ticket of an
    // enterprise whose directory entry just changed (the settings cache must have dropped the old one).
    const sent = await statementsOf(async () => {
      await actOn(kit, ids.power, 'acknowledge', 'depOther');
      await actOn(kit, ids.power, 'interim-reply', 'depOther', { message: '供电局抢修班组已到场' });
    });
    const saves = sent.filter((q) => /^WITH w0 AS \(UPDATE "ticket"\."tickets"/.test(q));
    expect(saves).toHaveLength(2);
    for (const save of saves)
      expect(statementParts([save]).map((q) => /^(INSERT INTO|UPDATE) (\S+)/.exec(q)?.[0])).toEqual([
        'UPDATE "ticket"."tickets"',
        'INSERT INTO "ticket"."ticket_steps"',
        'INSERT INTO "ticket".outbox',
        'INSERT INTO ticket.ticket_search',
      ]);
    // Nothing else touches the search rows, nor reads the ticket back for them.
    expect(sent.filter((q) => q.includes('ticket_search') && !saves.includes(q))).toEqual([]);
    expect(await keys('committee', q('抢修班组'))).toEqual(['power']);

    await kit.publish(Topics.Directory, DirectoryEvents.enterpriseUpserted, ENT_B, {
      id: ENT_B,
      name: '贵阳高新电子科技有限公司',
      creditCode: '91520100MA6CCCCC2C',
      gridId: 'grid-b',
      contacts: [],
      active: true,
    });
    expect(await keys('committee', q('91520100MA6CCCCC2C'))).toContain('other');
    ids.renamed = (
      await kit.submit('entB', {
        title: '新厂房消防验收',
        description: '新厂房需要消防验收。',
        category: 'utilities',
      })
    ).body.id;
    expect(await keys('committee', q('91520100MA6CCCCC2C'))).toEqual(
      expect.arrayContaining(['other', 'renamed']),
    );
    expect(await keys('committee', q('高新电子科技'))).toContain('renamed');

    // Every row as the saves wrote it is the row the indexer computes from the tables.
    const docs = async () =>
      (
        await kit.pg.query(
          `SELECT id, doc::text, co_handler_department_ids, status FROM ticket.ticket_search ORDER BY id`,
        )
      ).rows;
    const written = await docs();
    const all = (await kit.pg.query(`SELECT id FROM ticket.tickets ORDER BY id`)).rows.map((r) => r.id);
    const db: Queryable = {
      query: async <T>(sql: string, params?: unknown[]) => (await kit.pg.query(sql, params)).rows as T,
    };
    await indexTickets(db, all);
    expect(await docs()).toEqual(written);
  });

  it('keeps one search row per ticket, written with the ticket', async () => {
    const { rows } = await kit.pg.query(
      `SELECT (SELECT count(*)::int FROM ticket.tickets) AS tickets, (SELECT count(*)::int FROM ticket.ticket_search) AS rows,
              (SELECT count(*)::int FROM ticket.tickets t JOIN ticket.ticket_search s ON s.id = t.id
                WHERE s.status = t.status AND s.lead_department_id IS NOT DISTINCT FROM t.lead_department_id) AS current`,
    );
    expect(rows[0].rows).toBe(rows[0].tickets);
    expect(rows[0].current).toBe(rows[0].tickets);
  });
});
