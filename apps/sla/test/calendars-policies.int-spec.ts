import { RunningService } from '@ticketing/platform';
import { createTestDatabase } from '@ticketing/testing';
import { api, sql, startSla, users } from './sla-test-kit';

const NOTICE_2027 = {
  year: 2027,
  title: '国务院办公厅关于2027年部分节假日安排的通知（测试数据）',
  reference: '测试〔2026〕1号',
  publishedOn: '2026-11-10',
  holidays: [
    { name: '元旦', from: '2027-01-01', to: '2027-01-03' },
    { name: '春节', from: '2027-02-05', to: '2027-02-12' },
  ],
  makeUpWorkdays: ['2027-02-20'],
};

describe('sla calendars and policies over HTTP', () => {
  let db: { url: string; drop: () => Promise<void> };
  let sla: RunningService;

  beforeAll(async () => {
    db = await createTestDatabase('sla_api');
    sla = await startSla(db.url);
  });
  afterAll(async () => {
    await sla.close();
    await db.drop();
  });

  const day = async (date: string, calendar = 'default') =>
    (await api(sla, 'GET', `/api/v1/sla/calendars/${calendar}/days/${date}`, users.enterprise('e1'))).body;
  const snapshot = async () => ({
    notices: await sql(db.url, 'SELECT calendar_id, year FROM sla.calendar_notices ORDER BY 1, 2'),
    calendars: await sql(db.url, 'SELECT id, version, working_hours FROM sla.calendars ORDER BY id'),
    policies: await sql(db.url, 'SELECT id, version, active FROM sla.policies ORDER BY id, version'),
    jobs: await sql(db.url, 'SELECT id FROM sla.recompute_jobs'),
  });

  it('answers calendar facts from the seeded State Council notices', async () => {
    expect(await day('2025-01-26')).toMatchObject({ kind: 'makeup_workday', working: true, weekday: 0 });
    expect(await day('2025-02-08')).toMatchObject({ kind: 'makeup_workday', working: true, weekday: 6 });
    for (const d of ['2025-10-01', '2025-10-04', '2025-10-08'])
      expect(await day(d)).toMatchObject({ kind: 'holiday', working: false, name: '国庆节、中秋节' });
    expect(await day('2025-10-09')).toMatchObject({ kind: 'workday', working: true });
    const list = (await api(sla, 'GET', '/api/v1/sla/calendars', users.department('d1'))).body;
    expect(list[0].notices.map((n: { reference: string }) => n.reference)).toEqual([
      '国办发明电〔2023〕7号',
      '国办发明电〔2024〕12号',
      '国办发明电〔2025〕7号',
    ]);
    // Each notice with its days, for the calendar page to list.
    const of2025 = list[0].notices.find((n: { year: number }) => n.year === 2025);
    expect(of2025.holidays).toContainEqual({ name: '国庆节、中秋节', from: '2025-10-01', to: '2025-10-08' });
    expect(of2025.makeUpWorkdays).toEqual(expect.arrayContaining(['2025-01-26', '2025-02-08']));
    // Friday before 春节 + 5 working days crosses the holiday and lands on Friday 2025-02-07 at close of business.
    const due = await api(
      sla,
      'GET',
      '/api/v1/sla/calendars/default/deadline?from=2025-01-24T10:00:00%2B08:00&workingDays=5',
      users.committee,
    );
    expect(due.body).toEqual({ dueAt: '2025-02-07T09:30:00.000Z', localDate: '2025-02-07' });
    const hours = await api(
      sla,
      'GET',
      '/api/v1/sla/calendars/default/deadline?from=2025-03-07T16:30:00%2B08:00&workingHours=2',
      users.committee,
    );
    expect(hours.body.dueAt).toBe('2025-03-10T02:00:00.000Z'); // Fri 16:30 + 1 h, then Mon 09:00 + 1 h
    expect(
      (await api(sla, 'GET', '/api/v1/sla/calendars/default/days/2025-02-30', users.committee)).status,
    ).toBe(400);
  });

  it("loads a new year's notice, and refuses a loaded year, overlaps and malformed dates without writing anything", async () => {
    const before = await snapshot();
    const again2025 = await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.admin, {
      ...NOTICE_2027,
      year: 2025,
      publishedOn: '2024-11-12',
      holidays: [{ name: '元旦', from: '2025-01-01', to: '2025-01-01' }],
      makeUpWorkdays: [],
    });
    expect(again2025.status).toBe(400);
    expect(again2025.body.detail).toContain('a notice for 2025 is already loaded');

    const overlapping = await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.admin, {
      ...NOTICE_2027,
      holidays: [...NOTICE_2027.holidays, { name: '重叠', from: '2027-02-10', to: '2027-02-14' }],
    });
    expect(overlapping.status).toBe(400);
    expect(overlapping.body.detail).toMatch(/overlaps/);

    const malformed = await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.admin, {
      ...NOTICE_2027,
      makeUpWorkdays: ['2027-02-30'],
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.detail).toContain('makeUpWorkdays[0] must be an ISO date');
    expect(malformed.body.type).toBe('urn:chuishao:problem:validation');

    const unknownField = await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.admin, {
      ...NOTICE_2027,
      extra: 1,
    });
    expect(unknownField.status).toBe(400);
    expect(
      (await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.committee, NOTICE_2027)).status,
    ).toBe(403);
    expect(
      (await api(sla, 'POST', '/api/v1/sla/calendars/nowhere/notices', users.admin, NOTICE_2027)).status,
    ).toBe(404);
    expect(await snapshot()).toEqual(before);

    const ok = await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.admin, NOTICE_2027);
    expect(ok.status).toBe(201);
    expect(ok.body).toMatchObject({ calendarId: 'default', year: 2027, version: 2 });
    expect(await day('2027-02-08')).toMatchObject({ kind: 'holiday', name: '春节' });
    expect(await day('2027-02-20')).toMatchObject({ kind: 'makeup_workday', working: true });
    expect(
      (await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.admin, NOTICE_2027)).status,
    ).toBe(400);
  });

  it('keeps several calendars side by side with their own working hours', async () => {
    const before = await snapshot();
    const bad = await api(sla, 'POST', '/api/v1/sla/calendars', users.admin, {
      id: 'zone-east',
      name: '东区',
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '11:00', end: '18:00' },
      ],
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors[0].field).toBe('workingHours');
    expect(await snapshot()).toEqual(before);

    const created = await api(sla, 'POST', '/api/v1/sla/calendars', users.admin, {
      id: 'zone-east',
      name: '东区',
      workingHours: [
        { start: '08:30', end: '12:00' },
        { start: '14:00', end: '18:00' },
      ],
    });
    expect(created.status).toBe(201);
    expect(
      (await api(sla, 'POST', '/api/v1/sla/calendars', users.admin, { id: 'zone-east', name: 'again' }))
        .status,
    ).toBe(400);
    const east = await api(
      sla,
      'GET',
      '/api/v1/sla/calendars/zone-east/deadline?from=2025-03-07T17:00:00%2B08:00&workingHours=2',
      users.committee,
    );
    expect(east.body.dueAt).toBe('2025-03-10T01:30:00.000Z'); // Fri 17–18, then Mon 08:30–09:30
    expect(await day('2025-01-26', 'zone-east')).toMatchObject({ kind: 'makeup_workday' });
    const hours = await api(sla, 'PUT', '/api/v1/sla/calendars/zone-east/working-hours', users.admin, {
      workingHours: [{ start: '09:00', end: '17:00' }],
    });
    expect(hours).toMatchObject({ status: 200, body: { version: 2 } });
  });

  it('gives the zone-wide policy the committee’s triage clock as its second version and the corrected deadlines as its third, the first kept on record', async () => {
    const active = (await api(sla, 'GET', '/api/v1/sla/policies', users.committee)).body as {
      id: string;
      version: number;
      subject: string;
      category: string;
      urgency: string;
      definition: { timers: Record<string, { duration: { amount: number; unit: string } }> };
    }[];
    const zoneWide = active.find((p) => p.subject === 'ticket' && p.category === '*' && p.urgency === '*')!;
    expect(zoneWide.version).toBe(3);
    expect(zoneWide.definition.timers.triage.duration).toEqual({ amount: 2, unit: 'working_hours' });
    expect(Object.keys(zoneWide.definition.timers)).toEqual(
      expect.arrayContaining(['respond', 'resolve', 'reply']),
    );
    const history = (await api(sla, 'GET', `/api/v1/sla/policies/${zoneWide.id}`, users.committee)).body as {
      versions: {
        version: number;
        name: string;
        nameEn: string;
        createdBy: string;
        definition: { timers: Record<string, { duration: unknown }> };
      }[];
    };
    expect(
      history.versions.map((v) => [
        v.version,
        v.createdBy,
        'triage' in v.definition.timers,
        v.definition.timers.reply!.duration,
      ]),
    ).toEqual([
      [3, 'migration', true, { amount: 5, unit: 'working_days' }],
      [2, 'migration', true, { amount: 7, unit: 'working_days' }],
      [1, 'seed', false, { amount: 7, unit: 'working_days' }],
    ]);
    // Every version renamed: the Chinese name alone, the English beside it.
    expect(new Set(history.versions.map((v) => `${v.name}|${v.nameEn}`))).toEqual(
      new Set(['默认时限|Default deadlines']),
    );
    // Only the zone-wide policy carries it: the narrower ones fall back to it.
    expect(active.filter((p) => 'triage' in p.definition.timers)).toHaveLength(1);
  });

  it('validates policies, refuses duplicates and stale edits, and writes nothing when refusing', async () => {
    const before = await snapshot();
    const base = {
      name: 'p',
      category: 'labour',
      urgency: 'urgent',
      definition: {
        calendarId: 'default',
        timers: { resolve: { duration: { amount: 3, unit: 'working_days' } } },
      },
    };
    const unknownCategory = await api(sla, 'POST', '/api/v1/sla/policies', users.committee, {
      ...base,
      category: 'astrology',
    });
    expect(unknownCategory.status).toBe(400);
    expect(unknownCategory.body.errors[0].field).toBe('category');
    const negative = await api(sla, 'POST', '/api/v1/sla/policies', users.committee, {
      ...base,
      definition: {
        calendarId: 'default',
        timers: { resolve: { duration: { amount: -2, unit: 'working_days' } } },
      },
    });
    expect(negative.status).toBe(400);
    expect(negative.body.errors[0].field).toBe('definition.timers.resolve.duration.amount');
    const duplicateDefault = await api(sla, 'POST', '/api/v1/sla/policies', users.admin, {
      ...base,
      category: '*',
      urgency: '*',
    });
    expect(duplicateDefault.status).toBe(400);
    expect(duplicateDefault.body.detail).toMatch(/already covers \* × \*/);
    expect((await api(sla, 'POST', '/api/v1/sla/policies', users.department('d1'), base)).status).toBe(403);
    expect(await snapshot()).toEqual(before);

    const created = await api(sla, 'POST', '/api/v1/sla/policies', users.committee, base);
    expect(created).toMatchObject({ status: 201, body: { version: 1 } });
    expect((await api(sla, 'POST', '/api/v1/sla/policies', users.committee, base)).status).toBe(400);
    const edit = {
      expectedVersion: 1,
      definition: {
        calendarId: 'zone-east',
        timers: { resolve: { duration: { amount: 4, unit: 'working_days' } } },
      },
    };
    expect(
      (await api(sla, 'PUT', `/api/v1/sla/policies/${created.body.id}`, users.committee, edit)).body,
    ).toEqual({ id: created.body.id, version: 2 });
    const stale = await api(sla, 'PUT', `/api/v1/sla/policies/${created.body.id}`, users.committee, edit);
    expect(stale.status).toBe(409);
    const versions = (
      await api(sla, 'GET', `/api/v1/sla/policies/${created.body.id}`, users.department('d1'))
    ).body.versions;
    expect(versions.map((v: { version: number; active: boolean }) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const listed = (await api(sla, 'GET', '/api/v1/sla/policies', users.committee)).body;
    expect(
      listed.map(
        (p: { subject: string; category: string; urgency: string }) =>
          `${p.subject}:${p.category}/${p.urgency}`,
      ),
    ).toEqual([
      'ticket:labour/urgent',
      'ticket:utilities/normal',
      'ticket:*/critical',
      'ticket:*/urgent',
      'ticket:*/*',
      'decision:*/*',
    ]);
  });
  it('refuses missing, null, oversized and out-of-range values with a 400 naming the field, and takes a repeat as no change, writing nothing', async () => {
    const before = await snapshot();
    const fields = (r: { body: { errors?: { field: string }[] } }) =>
      (r.body.errors ?? []).map((e) => e.field);
    for (const body of [{}, { workingHours: null }, { workingHours: 'mornings' }]) {
      const r = await api(sla, 'PUT', '/api/v1/sla/calendars/default/working-hours', users.admin, body);
      expect(r.status).toBe(400);
      expect(fields(r)).toContain('workingHours');
    }
    const longTitle = await api(sla, 'POST', '/api/v1/sla/calendars/default/notices', users.admin, {
      ...NOTICE_2027,
      year: 2028,
      title: '长'.repeat(51_200), // 150 KB of UTF-8
    });
    expect(longTitle.status).toBe(400);
    expect(fields(longTitle)).toEqual(['title']);
    const zoneWide = (await api(sla, 'GET', '/api/v1/sla/policies', users.committee)).body.find(
      (p: { subject: string; category: string; urgency: string }) =>
        p.subject === 'ticket' && p.category === '*' && p.urgency === '*',
    );
    for (const expectedVersion of [2147483648, 2 ** 63, 1e308]) {
      const r = await api(sla, 'PUT', `/api/v1/sla/policies/${zoneWide.id}`, users.committee, {
        expectedVersion,
        definition: zoneWide.definition,
      });
      expect(r.status).toBe(400);
      expect(fields(r)).toEqual(['expectedVersion']);
    }
    const nullName = await api(sla, 'PUT', `/api/v1/sla/policies/${zoneWide.id}`, users.committee, {
      expectedVersion: zoneWide.version,
      name: null,
      definition: zoneWide.definition,
    });
    expect(nullName.status).toBe(400);
    expect(fields(nullName)).toEqual(['name']);

    // The values it already has: 200 with the record as it is, no new version, no recompute.
    const sameHours = await api(sla, 'PUT', '/api/v1/sla/calendars/default/working-hours', users.admin, {
      workingHours: [
        { start: '09:00', end: '12:00' },
        { start: '13:30', end: '17:30' },
      ],
    });
    expect(sameHours).toMatchObject({
      status: 200,
      body: { id: 'default', version: before.calendars[0].version },
    });
    const samePolicy = await api(sla, 'PUT', `/api/v1/sla/policies/${zoneWide.id}`, users.committee, {
      expectedVersion: zoneWide.version,
      name: zoneWide.name,
      definition: zoneWide.definition,
    });
    expect(samePolicy).toMatchObject({ status: 200, body: { id: zoneWide.id, version: zoneWide.version } });
    expect(await snapshot()).toEqual(before);
  });
});
