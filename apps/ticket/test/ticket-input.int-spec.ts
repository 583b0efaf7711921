import { UnitOfWork } from '@ticketing/database';
import { statementsOf } from '@ticketing/testing';
import { numberingYear, TicketNumbers } from '../src/tickets/domain/ticket-numbers';
import { NUMBER_BLOCK } from '../src/tickets/infrastructure/ticket-numbers.typeorm-repository';
import { ENT_A, ENT_B, PDF, PNG, startTicketKit, submission, TicketKit, USERS } from './ticket-test-kit';

const TABLES = ['tickets', 'ticket_steps', 'ticket_parts', 'outbox', 'idempotency_keys', 'attachments'];

describe('ticket input: validation, attachments, idempotency, rate limit', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit({ TICKET_ATTACHMENT_MAX_BYTES: '4096', TICKET_SUBMIT_PER_MINUTE: '30' });
  });
  afterAll(async () => {
    await kit?.close();
  });

  const counts = async () => {
    const out: Record<string, number> = {};
    for (const t of TABLES) out[t] = await kit.count(t);
    return out;
  };

  describe('submit refuses bad fields with 400 naming the field, writing nothing', () => {
    const cases: [string, Record<string, unknown>, string][] = [
      ['missing title', { title: undefined }, 'title'],
      ['blank title', { title: '   ' }, 'title'],
      ['title over 100 characters', { title: '水'.repeat(101) }, 'title'],
      ['description over 4000 characters', { description: 'x'.repeat(4001) }, 'description'],
      ['missing description', { description: undefined }, 'description'],
      ['missing contact', { contact: undefined }, 'contact'],
      ['malformed phone', { contact: { name: '张三', phone: '12345' } }, 'contact.phone'],
      ['foreign phone', { contact: { name: '张三', phone: '+1 415 555 0100' } }, 'contact.phone'],
      ['missing contact name', { contact: { phone: '13800138000' } }, 'contact.name'],
      ['unknown category', { category: 'astrology' }, 'category'],
      ['unknown urgency', { urgency: 'whenever' }, 'urgency'],
      ['malformed attachment ids', { attachmentIds: ['not-a-uuid'] }, 'attachmentIds'],
      [
        'someone else’s or unknown attachment',
        { attachmentIds: ['0193a000-0000-7000-8000-0000000000ff'] },
        'attachmentIds',
      ],
      ['a field nobody asked for', { priority: 'high' }, 'priority'],
      ['a grid that is not the enterprise’s', { gridId: 'grid-b' }, 'gridId'],
    ];
    it.each(cases)('%s', async (_, over, field) => {
      const before = await counts();
      const res = await kit.api('POST', '/api/v1/tickets', 'entA', submission(over));
      expect(res.status).toBe(400);
      expect(res.headers.get('content-type')).toContain('application/problem+json');
      expect(res.body.errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await counts()).toEqual(before);
    });

    it('accepts landlines and +86 mobiles', async () => {
      for (const phone of ['0851-3312345', '010 12345678', '+86 13912345678', '0858-8123456-801']) {
        const res = await kit.submit('entA', { contact: { name: '李四', phone } });
        expect({ phone, status: res.status }).toEqual({ phone, status: 201 });
      }
    });

    it('refuses malformed JSON and non-whitelisted action fields the same way', async () => {
      const before = await counts();
      const raw = await fetch(`${kit.running.url}/api/v1/tickets`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kit.token('entA')}`, 'content-type': 'application/json' },
        body: '{"title": ',
      });
      expect(raw.status).toBe(400);
      const { body } = await kit.submit('entA');
      const noVersion = await kit.api('POST', `/api/v1/tickets/${body.id}/withdraw`, 'entA', { reason: 'x' });
      expect(noVersion.status).toBe(400);
      expect(noVersion.body.errors.map((e: { field: string }) => e.field)).toContain('expectedVersion');
      const noReason = await kit.api('POST', `/api/v1/tickets/${body.id}/withdraw`, 'entA', {
        expectedVersion: 1,
      });
      expect(noReason.body.errors.map((e: { field: string }) => e.field)).toContain('reason');
      const after = await counts();
      expect(after.tickets).toBe(before.tickets + 1);
      expect(after.ticket_steps).toBe(before.ticket_steps + 1);
    });
  });

  describe('instructors', () => {
    it('submit for an enterprise of their grid, never for another grid’s, and must name it', async () => {
      const ok = await kit.submit('insA', { enterpriseId: ENT_A });
      expect(ok.status).toBe(201);
      const detail = await kit.api('GET', `/api/v1/tickets/${ok.body.id}`, 'entA');
      expect(detail.body).toMatchObject({
        enterpriseId: ENT_A,
        gridId: 'grid-a',
        submittedBy: { id: USERS.insA.id, role: 'instructor' },
      });
      expect((await kit.submit('insA', { enterpriseId: ENT_B })).status).toBe(403);
      const missing = await kit.submit('insA');
      expect(missing.status).toBe(400);
      expect(missing.body.errors[0].field).toBe('enterpriseId');
      expect((await kit.submit('insA', { enterpriseId: 'ent-unknown' })).status).toBe(422);
    });

    it('an enterprise may not submit for another enterprise', async () => {
      expect((await kit.submit('entA', { enterpriseId: ENT_B })).status).toBe(403);
    });
  });

  describe('attachments', () => {
    it('stores the file on disk under its checksum and serves it back as a download', async () => {
      const up = await kit.upload('entA', PDF, 'report.pdf', 'application/pdf');
      expect(up.status).toBe(201);
      expect(up.body.sha256).toMatch(/^[0-9a-f]{64}$/);
      const { rows } = await kit.pg.query(
        `SELECT sha256, size, content_type FROM ticket.attachments WHERE id = $1`,
        [up.body.id],
      );
      expect(rows[0]).toMatchObject({ sha256: up.body.sha256, content_type: 'application/pdf' });
      const res = await fetch(`${kit.running.url}/api/v1/tickets/attachments/${up.body.id}`, {
        headers: { authorization: `Bearer ${kit.token('entA')}` },
      });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/pdf');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="report.pdf"/);
      expect(Buffer.from(await res.arrayBuffer()).equals(PDF)).toBe(true);
      // Before a ticket holds it, only its uploader can read it.
      expect((await kit.api('GET', `/api/v1/tickets/attachments/${up.body.id}`, 'committee')).status).toBe(
        404,
      );
    });

    it('refuses an executable renamed .png (415) whatever the declared type, and writes nothing', async () => {
      const before = await kit.count('attachments');
      const exe = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
      const res = await kit.upload('entA', exe, 'photo.png', 'image/png');
      expect(res.status).toBe(415);
      expect(res.body.type).toBe('urn:chuishao:problem:unsupportedMediaType');
      expect(await kit.count('attachments')).toBe(before);
    });

    it('refuses a file over the configured limit with 413', async () => {
      const big = Buffer.concat([PNG, Buffer.alloc(5000)]);
      const res = await kit.upload('entA', big, 'big.png', 'image/png');
      expect(res.status).toBe(413);
    });

    it('answers 400 naming the field when no file is sent', async () => {
      const form = new FormData();
      form.append('note', 'no file here');
      const res = await fetch(`${kit.running.url}/api/v1/tickets/attachments`, {
        method: 'POST',
        headers: { authorization: `Bearer ${kit.token('entA')}` },
        body: form,
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { errors: { field: string }[] }).errors[0].field).toBe('file');
    });

    it('one upload can be referenced once, and only by its uploader', async () => {
      const up = await kit.upload('entA', PNG, 'a.png');
      expect((await kit.submit('entB', { attachmentIds: [up.body.id] })).status).toBe(400);
      expect((await kit.submit('entA', { attachmentIds: [up.body.id] })).status).toBe(201);
      expect((await kit.submit('entA', { attachmentIds: [up.body.id] })).status).toBe(400);
    });
  });

  describe('ticket numbers', () => {
    // A user of its own, so the per-user submission limit of the other tests is not touched.
    const pooler = { id: 'u-pool', role: 'enterprise' as const, name: 'p', enterpriseId: ENT_A };
    it('are gapless: a submission refused after the checks (a file that is not yours), or a key used before, takes no number', async () => {
      // Users of its own, so the per-user submission limit of the other tests is not touched.
      const numberer = { id: 'u-numbers', role: 'enterprise' as const, name: 'n', enterpriseId: ENT_A };
      const crowd = { id: 'u-crowd', role: 'enterprise' as const, name: 'c', enterpriseId: ENT_B };
      const submit = (who: typeof numberer, over: Record<string, unknown> = {}) =>
        kit.api('POST', '/api/v1/tickets', who, submission(over));
      const seq = (n: string) => Number(n.split('-')[2]);
      const keyed = { 'Idempotency-Key': 'numbers-0001' };
      const first = await kit.api('POST', '/api/v1/tickets', numberer, submission(), keyed);
      // The key and the number are taken together: a replay answers the first ticket, a new body
      // under the key is refused, and the number each took meanwhile goes back.
      const replay = await kit.api('POST', '/api/v1/tickets', numberer, submission(), keyed);
      expect(replay.body.number).toBe(first.body.number);
      const reused = await kit.api(
        'POST',
        '/api/v1/tickets',
        numberer,
        submission({ title: '另一个问题' }),
        keyed,
      );
      expect(reused.status).toBe(422);
      const someoneElses = await kit.upload('entB', PNG, 'b.png');
      // Refused at the attachment step, the last before the number was taken under the old sequence.
      expect((await submit(numberer, { attachmentIds: [someoneElses.body.id] })).status).toBe(400);
      expect((await submit(numberer, { category: 'no-such-category' })).status).toBe(400);
      const concurrent = await Promise.all(Array.from({ length: 6 }, () => submit(crowd)));
      const next = await submit(numberer);
      const numbers = [first, ...concurrent, next].map((r) => seq(r.body.number)).sort((a, b) => a - b);
      expect(numbers).toEqual(Array.from({ length: 8 }, (_, i) => seq(first.body.number) + i));
      expect(next.body.number).toMatch(/^CS-\d{4}-\d{6}$/);
    });

    it('do not wait for each other, and a number a failed submission took goes to the next one', async () => {
      const uow = kit.running.app.get(UnitOfWork);
      const numbers = kit.running.app.get(TicketNumbers);
      const at = new Date();
      const seq = (n: string) => Number(n.split('-')[2]);
      // Submission A takes a number and stays open; B and C take theirs meanwhile, without waiting
      // on A (with one counter row held to the commit, B would block here until the test timed out).
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let taken!: (n: string) => void;
      const aNumber = new Promise<string>((r) => (taken = r));
      const a = uow.transaction(async () => {
        taken(await numbers.next(at));
        await held;
        throw new Error('A fails after taking its number');
      });
      const first = await aNumber;
      const [b, c] = await Promise.all([
        uow.transaction(() => numbers.next(at)),
        uow.transaction(() => numbers.next(at)),
      ]);
      expect(new Set([first, b, c]).size).toBe(3);
      release();
      await expect(a).rejects.toThrow(/A fails/);
      // A rolled back: its number is free again, and the lowest, so the next submission gets it.
      const ticket = await kit.api('POST', '/api/v1/tickets', pooler, submission());
      expect(ticket.status).toBe(201);
      expect(ticket.body.number).toBe(first);
      // Every number up to the year's counter is a ticket's or free, except B's and C's, which
      // committed transactions took without a ticket (as a bug would): the check sees exactly them.
      const year = Number(first.split('-')[1]);
      const { rows } = await kit.pg.query<{ n: number }>(
        `SELECT n FROM ticket.ticket_number_counters c, generate_series(1, c.last_number) AS n
          WHERE c.year = $1
            AND NOT EXISTS (SELECT 1 FROM ticket.ticket_number_free f WHERE f.year = c.year AND f.number = n)
            AND NOT EXISTS (SELECT 1 FROM ticket.tickets t WHERE t.number = format('CS-%s-%s', c.year, lpad(n::text, 6, '0')))
          ORDER BY n`,
        [year],
      );
      expect(rows.map((r) => r.n)).toEqual([seq(b), seq(c)].sort((x, y) => x - y));
    });

    it('run on past the pool: when every free number is held, a block is added after the counter', async () => {
      const uow = kit.running.app.get(UnitOfWork);
      const numbers = kit.running.app.get(TicketNumbers);
      const at = new Date();
      const year = Number(
        new Intl.DateTimeFormat('en', { timeZone: 'Asia/Shanghai', year: 'numeric' }).format(at),
      );
      const pooled = async () =>
        (
          await kit.pg.query<{ last: number; free: string }>(
            `SELECT c.last_number AS last, (SELECT count(*) FROM ticket.ticket_number_free f WHERE f.year = c.year) AS free
               FROM ticket.ticket_number_counters c WHERE c.year = $1`,
            [year],
          )
        ).rows[0];
      const before = await pooled();
      expect(Number(before.free)).toBeGreaterThan(0);
      // A transaction in flight holds every free number; a submission meanwhile finds none free.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let holding!: () => void;
      const allHeld = new Promise<void>((r) => (holding = r));
      const holder = uow.transaction(async () => {
        for (let i = 0; i < Number(before.free); i++) await numbers.next(at);
        holding();
        await held;
        throw new Error('the holder gives them back');
      });
      await allHeld;
      const ticket = await kit.api('POST', '/api/v1/tickets', pooler, submission());
      expect(ticket.status).toBe(201);
      expect(Number(ticket.body.number.split('-')[2])).toBe(before.last + 1);
      release();
      await expect(holder).rejects.toThrow(/gives them back/);
      const after = await pooled();
      expect(after.last).toBe(before.last + NUMBER_BLOCK);
      // The holder's numbers are free again, with the block's others.
      expect(Number(after.free)).toBe(Number(before.free) + NUMBER_BLOCK - 1);
      const next = await kit.api('POST', '/api/v1/tickets', pooler, submission());
      expect(Number(next.body.number.split('-')[2])).toBeLessThan(before.last + 1);
    });

    it('free a block for every submission as soon as it is added, while the submission that added it is still open', async () => {
      const uow = kit.running.app.get(UnitOfWork);
      const numbers = kit.running.app.get(TicketNumbers);
      const at = new Date();
      const year = numberingYear(at);
      const seq = (n: string) => Number(n.split('-')[2]);
      const freeNow = async () =>
        Number(
          (
            await kit.pg.query<{ n: string }>(
              `SELECT count(*) AS n FROM ticket.ticket_number_free WHERE year = $1`,
              [year],
            )
          ).rows[0].n,
        );
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let added!: (n: string) => void;
      const adderNumber = new Promise<string>((r) => (added = r));
      // The adder holds every free number, then needs one more: the pool gets a block.
      const adder = uow.transaction(async () => {
        const free = await freeNow();
        for (let i = 0; i < free; i++) await numbers.next(at);
        added(await numbers.next(at));
        await held;
        throw new Error('the adder fails after adding the block');
      });
      const first = await adderNumber;
      // Another submission meanwhile takes the block's next number without waiting for the adder.
      let timer: NodeJS.Timeout | undefined;
      const waited = new Promise<string>((r) => (timer = setTimeout(() => r('waited for the adder'), 5_000)));
      const other = await Promise.race([uow.transaction(() => numbers.next(at)), waited]);
      clearTimeout(timer);
      expect(other).toMatch(/^CS-/);
      expect(seq(other)).toBe(seq(first) + 1);
      release();
      await expect(adder).rejects.toThrow(/adder fails/);
      // The adder's numbers are free again, the block's first among them, and the counter moved by one block.
      const { rows } = await kit.pg.query<{ last: number }>(
        `SELECT last_number AS last FROM ticket.ticket_number_counters WHERE year = $1`,
        [year],
      );
      expect(rows[0].last).toBe(seq(first) + NUMBER_BLOCK - 1);
      const next = await kit.api('POST', '/api/v1/tickets', pooler, submission());
      expect(seq(next.body.number)).toBeLessThan(seq(first));
    });
  });

  describe('Idempotency-Key', () => {
    it('the same key and body give the same ticket once; another body with the key is 422', async () => {
      const before = await kit.count('tickets');
      const key = { 'Idempotency-Key': 'form-7f3a-0001' };
      let first = { status: 0, body: {} as Record<string, unknown> };
      const sent = await statementsOf(async () => {
        first = await kit.submit('entA', {}, key);
      });
      // The answer is recorded in the ticket's save: one statement with the row, steps and events.
      const recorded = sent.filter((q) => q.includes('UPDATE ticket.idempotency_keys'));
      expect(recorded).toHaveLength(1);
      expect(recorded[0]).toMatch(/^WITH w0 AS \(INSERT INTO "ticket"\."tickets"/);
      // Same request, keys in another order: still the same request.
      const body = submission();
      const reordered = Object.fromEntries(Object.entries(body).reverse());
      const second = await kit.api('POST', '/api/v1/tickets', 'entA', reordered, key);
      expect(first.status).toBe(201);
      expect(second.status).toBe(201);
      expect(second.body).toEqual(first.body);
      expect(await kit.count('tickets')).toBe(before + 1);

      const different = await kit.submit('entA', { title: '另一个问题' }, key);
      expect(different.status).toBe(422);
      expect(await kit.count('tickets')).toBe(before + 1);

      // Keys are per user: another user's same key is another ticket.
      const other = await kit.submit('insA', { enterpriseId: ENT_A }, key);
      expect(other.status).toBe(201);
      expect(other.body.id).not.toBe(first.body.id);
    });

    it('concurrent retries with one key still make one ticket', async () => {
      const before = await kit.count('tickets');
      const key = { 'Idempotency-Key': 'burst-0002' };
      const results = await Promise.all(Array.from({ length: 5 }, () => kit.submit('entB', {}, key)));
      expect(results.map((r) => r.status)).toEqual([201, 201, 201, 201, 201]);
      expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
      expect(await kit.count('tickets')).toBe(before + 1);
    });

    it('refuses a malformed key, naming it', async () => {
      const res = await kit.submit('entA', {}, { 'Idempotency-Key': 'x'.repeat(201) });
      expect(res.status).toBe(400);
      expect(res.body.errors[0].field).toBe('Idempotency-Key');
    });
  });

  it('limits submissions per user per minute with 429 and Retry-After', async () => {
    const spammer = { id: 'u-spam', role: 'enterprise' as const, name: 'spam', enterpriseId: ENT_B };
    const statuses: number[] = [];
    for (let i = 0; i < 30; i++)
      statuses.push((await kit.api('POST', '/api/v1/tickets', spammer, { title: '' })).status);
    expect(statuses.every((s) => s === 400)).toBe(true);
    const limited = await kit.api('POST', '/api/v1/tickets', spammer, submission());
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    // Other users are not affected.
    expect((await kit.submit('entB')).status).toBe(201);
  });

  it('lists the categories for any logged-in role, and refuses anonymous callers', async () => {
    for (const who of ['entA', 'insA', 'depLead', 'committee', 'admin'] as const) {
      const ok = await kit.api('GET', '/api/v1/tickets/categories', who);
      expect(ok.status).toBe(200);
      expect(ok.body[0]).toEqual({ code: 'labour', zh: '用工招聘', en: 'Labour and hiring' });
      expect(ok.body).toHaveLength(14);
    }
    expect((await kit.api('GET', '/api/v1/tickets/categories', null)).status).toBe(401);
  });
});
