import { SlaEvents, TicketEvents, Topics } from '@ticketing/contracts';
import { Document, Packer, Paragraph } from 'docx';
import {
  actOn,
  DEP,
  detailOf,
  Json,
  PDF,
  PNG,
  routedTicket,
  rowCounts,
  startTicketKit,
  TicketKit,
  UserKey,
  USERS,
} from './ticket-test-kit';

const TABLES = ['tickets', 'ticket_steps', 'outbox', 'attachments'];
const DOCX_TYPE = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

/** Who calls, whether they see the ticket (enterprise A's, hrss leading, miit co-handling), and as which party. */
const CALLERS: { who: UserKey; sees: boolean; parties: string[] }[] = [
  { who: 'entA', sees: true, parties: ['owner', 'participant'] },
  { who: 'insA', sees: true, parties: ['owner', 'participant'] },
  { who: 'entB', sees: false, parties: [] },
  { who: 'insB', sees: false, parties: [] },
  { who: 'depLead', sees: true, parties: ['lead', 'participant', 'staff'] },
  { who: 'depCo', sees: true, parties: ['coHandler', 'participant', 'staff'] },
  { who: 'depOther', sees: false, parties: [] },
  { who: 'committee', sees: true, parties: ['committee', 'participant', 'staff'] },
  { who: 'admin', sees: true, parties: [] },
];

interface Endpoint {
  route: string;
  roles: string[];
  party: string;
  body: () => Record<string, unknown>;
}
const ENDPOINTS: Endpoint[] = [
  {
    route: 'request-information',
    roles: ['department'],
    party: 'lead',
    body: () => ({ question: '请补充材料' }),
  },
  {
    route: 'provide-information',
    roles: ['enterprise', 'instructor'],
    party: 'owner',
    body: () => ({ requestId: '0193a000-0000-7000-8000-0000000000c1', answer: 'a' }),
  },
  {
    route: 'messages',
    roles: ['enterprise', 'instructor', 'department', 'committee'],
    party: 'participant',
    body: () => ({ text: 't' }),
  },
  { route: 'notes', roles: ['department', 'committee'], party: 'staff', body: () => ({ text: 't' }) },
];

describe('asking the enterprise (补充材料), messages and internal notes', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('the lead asks, the resolution clock pauses, the enterprise answers with a .docx, the clock resumes', async () => {
    const id = await routedTicket(kit);
    // Only once the lead has signed for it.
    await actOn(kit, id, 'request-information', 'depLead', { question: '请补充合同' }, 409);
    await actOn(kit, id, 'acknowledge', 'depLead');
    await actOn(kit, id, 'request-information', 'depLead', { question: '请补充厂区租赁合同' });
    expect(await kit.outboxTypes(id)).toContain(TicketEvents.informationRequested);
    const second = await actOn(kit, id, 'request-information', 'depLead', { question: '还有执照' }, 409);
    expect(second.type).toBe('urn:chuishao:problem:illegalTransition');

    let t = await detailOf(kit, id, 'entA');
    expect(t.conversation.informationRequests).toEqual([
      expect.objectContaining({
        departmentId: DEP.hrss,
        question: '请补充厂区租赁合同',
        askedBy: USERS.depLead.id,
        state: 'open',
        answer: null,
        attachments: [],
      }),
    ]);
    const requestId = t.conversation.informationRequests[0].id;

    // The SLA engine pauses the resolution clock while the enterprise is asked (its own suite
    // computes the pause to the minute on the working-day calendar); the ticket shows it.
    const dueAt = new Date(Date.now() + 3 * 86400_000).toISOString();
    await kit.publish(Topics.Sla, SlaEvents.timerPaused, id, {
      ticketId: id,
      timerId: 'r',
      kind: 'resolve',
      departmentId: DEP.hrss,
      dueAt,
      pausedAt: new Date().toISOString(),
      reason: 'awaiting_enterprise',
    });
    t = await detailOf(kit, id, 'entA');
    expect(t.deadlines.paused).toEqual({ resolve: 'awaiting_enterprise' });
    expect(t.version).toBe(4); // read-model updates never bump the version

    const docx = await Packer.toBuffer(
      new Document({ sections: [{ children: [new Paragraph('厂区租赁合同（2026）')] }] }),
    );
    const up = await kit.upload('entA', docx, '租赁合同.docx', 'application/octet-stream');
    expect(up).toMatchObject({ status: 201, body: { contentType: DOCX_TYPE, fileName: '租赁合同.docx' } });
    // No expectedVersion needed to answer; a wrong request id names the open one.
    const wrong = await kit.api('POST', `/api/v1/tickets/${id}/provide-information`, 'entA', {
      requestId: '0193a000-0000-7000-8000-0000000000c9',
      answer: '见附件',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.errors).toEqual([
      { field: 'requestId', messages: [expect.stringContaining(requestId)] },
    ]);
    const answered = await kit.api('POST', `/api/v1/tickets/${id}/provide-information`, 'entA', {
      requestId,
      answer: '合同见附件',
      attachmentIds: [up.body.id],
    });
    expect(answered).toMatchObject({ status: 200, body: { status: 'in_progress', version: 5 } });
    const { rows } = await kit.pg.query(`SELECT envelope FROM ticket.outbox WHERE key = $1 AND type = $2`, [
      id,
      TicketEvents.informationProvided,
    ]);
    expect(rows[0].envelope.payload).toMatchObject({
      requestId,
      answer: '合同见附件',
      attachments: [expect.objectContaining({ id: up.body.id, contentType: DOCX_TYPE })],
    });

    // The engine resumes the clock with its deadline moved by the time waited.
    const moved = new Date(Date.parse(dueAt) + 86400_000).toISOString();
    await kit.publish(Topics.Sla, SlaEvents.deadlineSet, id, {
      ticketId: id,
      timerId: 'r',
      kind: 'resolve',
      departmentId: DEP.hrss,
      dueAt: moved,
      policyId: 'p',
      policyVersion: 1,
      reason: 'resumed',
    });
    t = await detailOf(kit, id, 'depLead');
    expect(t.deadlines).toMatchObject({ resolve: moved, paused: {} });
    expect(t.conversation.informationRequests[0]).toMatchObject({
      state: 'answered',
      answer: '合同见附件',
      answeredBy: USERS.entA.id,
      attachments: [expect.objectContaining({ id: up.body.id, fileName: '租赁合同.docx' })],
    });
    const file = await kit.api('GET', `/api/v1/tickets/attachments/${up.body.id}`, 'depLead');
    expect(file.status).toBe(200);
    expect(file.headers.get('content-type')).toBe(DOCX_TYPE);
    // Answered: nothing waits; resolving with a new question open would end it unanswered.
    await actOn(kit, id, 'provide-information', 'entA', { requestId, answer: 'again' }, 409);
    await actOn(kit, id, 'request-information', 'depLead', { question: '营业执照副本' });
    await actOn(kit, id, 'report-part', 'depCo', { content: '已核实' });
    await actOn(kit, id, 'resolve', 'depLead', { result: '已办结' });
    t = await detailOf(kit, id, 'entA');
    expect(t.conversation.informationRequests.map((r: Json) => r.state)).toEqual(['answered', 'unanswered']);
  });

  it('messages go both ways; internal notes reach the departments on it and the committee, never the enterprise', async () => {
    const id = await routedTicket(kit);
    await actOn(kit, id, 'acknowledge', 'depLead');
    const photo = await kit.upload('depLead', PNG, '现场.png');
    await actOn(kit, id, 'messages', 'entA', { text: '请问何时来现场？' });
    await actOn(kit, id, 'messages', 'depLead', { text: '明天上午到厂', attachmentIds: [photo.body.id] });
    await actOn(kit, id, 'messages', 'committee', { text: '已督促' });
    const memo = await kit.upload('depCo', PDF, '内部研判.pdf');
    const secret = '该企业曾多次重复反映，建议与供水公司协调';
    await actOn(kit, id, 'notes', 'depCo', { text: secret, attachmentIds: [memo.body.id] });
    await actOn(kit, id, 'notes', 'committee', { text: '内部：优先处理' });

    const lead = await detailOf(kit, id, 'depLead');
    expect(lead.conversation.messages.map((m: Json) => [m.author, m.text])).toEqual([
      ['enterprise', '请问何时来现场？'],
      ['department', '明天上午到厂'],
      ['committee', '已督促'],
    ]);
    expect(lead.conversation.messages[1]).toMatchObject({
      departmentId: DEP.hrss,
      attachments: [expect.objectContaining({ id: photo.body.id })],
    });

    for (const who of ['depLead', 'depCo', 'committee'] as const) {
      const t = await detailOf(kit, id, who);
      expect(t.conversation.notes.map((n: Json) => n.text)).toEqual([secret, '内部：优先处理']);
      expect(t.conversation.notes[0]).toMatchObject({
        departmentId: DEP.miit,
        attachments: [expect.objectContaining({ id: memo.body.id })],
      });
      expect(t.timeline.filter((s: Json) => s.eventType === TicketEvents.noteAdded)).toHaveLength(2);
      const file = await kit.api('GET', `/api/v1/tickets/attachments/${memo.body.id}`, who);
      expect({ who, status: file.status }).toEqual({ who, status: 200 });
    }

    // Every endpoint that returns ticket data, for everyone who sees the ticket but may not read notes.
    for (const who of ['entA', 'insA', 'admin'] as const) {
      const t = await detailOf(kit, id, who);
      expect(t.conversation).not.toHaveProperty('notes');
      expect(t.timeline.some((s: Json) => s.eventType === TicketEvents.noteAdded)).toBe(false);
      expect(t.conversation.messages).toHaveLength(3);
      const list = await kit.api('GET', '/api/v1/tickets?limit=100', who);
      for (const body of [t, list.body]) {
        const text = JSON.stringify(body);
        expect(text).not.toContain(secret);
        expect(text).not.toContain('内部：优先处理');
        expect(text).not.toContain(memo.body.id);
      }
      const file = await kit.api('GET', `/api/v1/tickets/attachments/${memo.body.id}`, who);
      expect({ who, status: file.status }).toEqual({ who, status: 404 });
      const shown = await kit.api('GET', `/api/v1/tickets/attachments/${photo.body.id}`, who);
      expect({ who, status: shown.status }).toEqual({ who, status: 200 });
    }
    // The answer itself was not internal: the message's picture previews inline.
    const inline = await kit.api('GET', `/api/v1/tickets/attachments/${photo.body.id}?inline=1`, 'entA');
    expect(inline.headers.get('content-disposition')).toMatch(/^inline;/);

    // A note stays possible after the ticket ended; a message does not.
    await actOn(kit, id, 'report-part', 'depCo', { content: '已协调' });
    await actOn(kit, id, 'reply', 'depLead', { message: '已恢复供水' });
    await actOn(kit, id, 'resolve', 'depLead', { result: '已恢复供水' });
    await actOn(kit, id, 'feedback', 'entA', { contacted: true, solved: true, satisfaction: 'satisfied' });
    await actOn(kit, id, 'notes', 'committee', { text: '归档备注' });
    await actOn(kit, id, 'messages', 'entA', { text: '谢谢' }, 409);
  });

  describe('authorisation: each endpoint × each role × own/other ticket', () => {
    let id: string;
    beforeAll(async () => {
      id = await routedTicket(kit);
    });
    for (const e of ENDPOINTS) {
      for (const c of CALLERS) {
        const role = USERS[c.who].role;
        const expected = !e.roles.includes(role)
          ? 403
          : !c.sees
            ? 404
            : !c.parties.includes(e.party)
              ? 403
              : 409;
        it(`${e.route} by ${c.who} → ${expected}${expected === 409 ? ' (authorised; stale version)' : ''}`, async () => {
          const before = await rowCounts(kit, TABLES);
          const res = await kit.api('POST', `/api/v1/tickets/${id}/${e.route}`, c.who, {
            expectedVersion: 999,
            ...e.body(),
          });
          expect(res.status).toBe(expected);
          if (expected === 409) expect(res.body.type).toBe('urn:chuishao:problem:versionConflict');
          expect(await rowCounts(kit, TABLES)).toEqual(before);
        });
      }
    }
  });

  describe('bad input: 400 naming the field, nothing written', () => {
    let id: string;
    let requestId: string;
    beforeAll(async () => {
      id = await routedTicket(kit);
      await actOn(kit, id, 'acknowledge', 'depLead');
      await actOn(kit, id, 'request-information', 'depLead', { question: '请补充' });
      requestId = (await detailOf(kit, id)).conversation.informationRequests[0].id;
    });
    const cases: [string, string, UserKey, () => Record<string, unknown>, string][] = [
      ['request-information', 'no question', 'depLead', () => ({ expectedVersion: 1 }), 'question'],
      [
        'request-information',
        'blank question',
        'depLead',
        () => ({ question: '  ', expectedVersion: 4 }),
        'question',
      ],
      [
        'request-information',
        'question over 2000 characters',
        'depLead',
        () => ({ question: '问'.repeat(2001) }),
        'question',
      ],
      [
        'request-information',
        'version not a number',
        'depLead',
        () => ({ question: 'q', expectedVersion: 'x' }),
        'expectedVersion',
      ],
      ['provide-information', 'no answer', 'entA', () => ({ requestId }), 'answer'],
      ['provide-information', 'blank answer', 'entA', () => ({ requestId, answer: '   ' }), 'answer'],
      ['provide-information', 'no request id', 'entA', () => ({ answer: 'a' }), 'requestId'],
      [
        'provide-information',
        'malformed request id',
        'entA',
        () => ({ requestId: 'x', answer: 'a' }),
        'requestId',
      ],
      [
        'provide-information',
        'someone else’s file',
        'entA',
        () => ({ requestId, answer: 'a', attachmentIds: ['0193a000-0000-7000-8000-0000000000ff'] }),
        'attachmentIds',
      ],
      [
        'provide-information',
        'eleven files',
        'entA',
        () => ({
          requestId,
          answer: 'a',
          attachmentIds: Array.from(
            { length: 11 },
            (_, i) => `0193a000-0000-7000-8000-0000000001${String(i).padStart(2, '0')}`,
          ),
        }),
        'attachmentIds',
      ],
      ['messages', 'no text', 'entA', () => ({}), 'text'],
      ['messages', 'text over 4000 characters', 'depLead', () => ({ text: 'x'.repeat(4001) }), 'text'],
      ['messages', 'text not text', 'committee', () => ({ text: 42 }), 'text'],
      ['messages', 'a field nobody asked for', 'entA', () => ({ text: 'x', internal: true }), 'internal'],
      ['notes', 'blank text', 'depCo', () => ({ text: ' ' }), 'text'],
      [
        'notes',
        'attachment ids not a list',
        'committee',
        () => ({ text: 'x', attachmentIds: 'a' }),
        'attachmentIds',
      ],
      ['notes', 'version below 1', 'depLead', () => ({ text: 'x', expectedVersion: 0 }), 'expectedVersion'],
    ];
    it.each(cases)('%s: %s', async (route, _, who, body, field) => {
      const before = await rowCounts(kit, TABLES);
      const res = await kit.api('POST', `/api/v1/tickets/${id}/${route}`, who, body());
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await rowCounts(kit, TABLES)).toEqual(before);
    });

    it('a ticket id that is not a uuid is 400, one that does not exist 404', async () => {
      const bad = await kit.api('POST', '/api/v1/tickets/nope/messages', 'entA', { text: 'x' });
      expect(bad.status).toBe(400);
      const missing = await kit.api(
        'POST',
        '/api/v1/tickets/0193a000-0000-7000-8000-0000000000ee/notes',
        'committee',
        { text: 'x' },
      );
      expect(missing.status).toBe(404);
    });
  });
});
