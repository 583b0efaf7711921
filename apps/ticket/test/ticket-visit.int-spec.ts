import { createEnvelope, newId, OutreachEvents, Topics } from '@ticketing/contracts';
import { ENT_A, ENT_B, GRID_A, PNG, startTicketKit, TicketKit, USERS } from './ticket-test-kit';

/** outreach.visit-recorded → one ticket per problem, channel visit, exactly once per event. */
describe('tickets raised in an instructor’s visit', () => {
  let kit: TicketKit;
  beforeAll(async () => {
    kit = await startTicketKit();
  });
  afterAll(async () => {
    await kit?.close();
  });

  const visitRecorded = (visitId: string, enterpriseId: string, photo?: Record<string, unknown>) =>
    createEnvelope({
      type: OutreachEvents.visitRecorded,
      aggregateId: visitId,
      aggregateVersion: 1,
      actor: { id: USERS.insA.id, role: 'instructor' },
      payload: {
        visitId,
        enterpriseId,
        enterpriseName: '六枝机械厂',
        gridId: GRID_A,
        instructor: { id: USERS.insA.id, name: USERS.insA.name, gridIds: [GRID_A] },
        companions: ['王书记'],
        visitedAt: '2026-03-03T02:00:00.000Z',
        month: '2026-03',
        mode: 'on_site',
        topics: ['稳岗补贴政策'],
        planned: true,
        taskListId: null,
        problems: [
          {
            index: 0,
            title: '缺 20 名焊工',
            description: '新订单需要焊工，招不到人。',
            category: 'labour',
            urgency: 'normal',
            contact: { name: '王经理', phone: '13800138000' },
            location: null,
            photos: photo ? [photo] : [],
          },
          {
            index: 1,
            title: '厂门口道路破损',
            description: '货车进出困难。',
            category: 'transport',
            urgency: 'urgent',
            contact: { name: '王经理', phone: '13800138000' },
            location: '厂区大门',
            photos: [],
          },
        ],
        needIds: [],
        photoCount: photo ? 1 : 0,
      },
    });
  const deliver = (envelope: ReturnType<typeof visitRecorded>) =>
    kit.transport.publish([
      { topic: Topics.Outreach, key: envelope.aggregateId, value: JSON.stringify(envelope) },
    ]);

  it('submits each problem on the enterprise’s behalf, shows channel and visit, and a redelivery adds nothing', async () => {
    // A photo of the visit, in the store both services share (here: uploaded through the ticket API).
    const photo = await kit.upload('insA', PNG, '走访现场.png', 'image/png');
    expect(photo.status).toBe(201);
    const visitId = newId();
    const event = visitRecorded(visitId, ENT_A, photo.body);
    const before = await kit.count('tickets');
    await deliver(event);
    await deliver(event);
    expect(await kit.count('tickets')).toBe(before + 2);

    const { rows } = await kit.pg.query(
      `SELECT id, channel, visit_id, submitted_by_id, category FROM ticket.tickets WHERE visit_id = $1 ORDER BY number`,
      [visitId],
    );
    expect(rows).toEqual([
      expect.objectContaining({ channel: 'visit', submitted_by_id: USERS.insA.id, category: 'labour' }),
      expect.objectContaining({ channel: 'visit', category: 'transport' }),
    ]);
    const detail = await kit.api('GET', `/api/v1/tickets/${rows[0].id}`, 'entA');
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({
      channel: 'visit',
      visitId,
      submittedBy: { id: USERS.insA.id, role: 'instructor' },
      enterpriseId: ENT_A,
    });
    // The photo is the ticket's attachment now: downloadable by whoever sees the ticket.
    expect(detail.body.attachments).toHaveLength(1);
    const file = await fetch(
      `${kit.running.url}/api/v1/tickets/attachments/${detail.body.attachments[0].id}`,
      {
        headers: { authorization: `Bearer ${kit.token('entA')}` },
      },
    );
    expect(file.status).toBe(200);
    expect(Buffer.from(await file.arrayBuffer()).equals(PNG)).toBe(true);

    const list = await kit.api('GET', '/api/v1/tickets?limit=50', 'insA');
    expect(list.body.items.filter((t: { visitId: string }) => t.visitId === visitId)).toEqual([
      expect.objectContaining({ channel: 'visit' }),
      expect.objectContaining({ channel: 'visit' }),
    ]);
    const submitted = await kit.pg.query(
      `SELECT envelope FROM ticket.outbox WHERE type = 'ticket.submitted' AND envelope->'payload'->>'visitId' = $1`,
      [visitId],
    );
    expect(submitted.rows.map((r) => r.envelope.payload.visitProblemIndex).sort()).toEqual([0, 1]);
    expect(submitted.rows[0].envelope.actor).toEqual({ id: USERS.insA.id, role: 'instructor' });
  });

  it('a web whistle stays channel web with no visit', async () => {
    const r = await kit.submit('entA');
    expect(r.status).toBe(201);
    const detail = await kit.api('GET', `/api/v1/tickets/${r.body.id}`, 'entA');
    expect(detail.body).toMatchObject({ channel: 'web', visitId: null });
  });

  it('refuses a visit to an enterprise outside the instructor’s grids: no ticket', async () => {
    const before = await kit.count('tickets');
    await deliver(visitRecorded(newId(), ENT_B)).catch(() => undefined);
    expect(await kit.count('tickets')).toBe(before);
  });
});
