/**
 * The visit → ticket → link path on a real Kafka broker: outreach, ticket and dispatch in one
 * process on the Kafka transport (topics under a prefix of their own), so outreach.visit-recorded,
 * ticket.submitted and dispatch.decided travel through the broker and its consumer groups.
 */
import { Type } from '@nestjs/common';
import { describeWithKafka, eventually, testKafkaBrokers } from '@ticketing/testing';
import { OutreachModule } from '../src/outreach.module';
import {
  beijing,
  DEP,
  ENT,
  Json,
  OutreachKit,
  serviceModule,
  startOutreachKit,
  USERS,
  zoneMonth,
} from './outreach-test-kit';

describeWithKafka('a visit’s problem becomes a routed ticket and links back, over Kafka', () => {
  let kit: OutreachKit;
  beforeAll(async () => {
    const modules: Type<unknown>[] = [
      await serviceModule('ticket', 'TicketModule'),
      await serviceModule('dispatch', 'DispatchModule'),
      OutreachModule,
    ];
    kit = await startOutreachKit(modules, {
      KAFKA_BROKERS: testKafkaBrokers()!.join(','),
      KAFKA_TOPIC_PREFIX: `outreach${Date.now().toString(36)}.`,
    });
    // On Kafka a publish returns when the broker has it, not when the consumers applied it.
    const copies = async () =>
      (await kit.pg.query(`SELECT count(*)::int AS n FROM outreach.directory_enterprises`)).rows[0].n +
      (await kit.pg.query(`SELECT count(*)::int AS n FROM ticket.directory_enterprises`)).rows[0].n;
    expect(await eventually(async () => (await copies()) === 10, 60_000, 200)).toBe(true);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('records the visit once, the ticket reaches 人社局’s queue naming the visit, and the visit names the ticket', async () => {
    const body = {
      enterpriseId: ENT.jx,
      visitedAt: beijing(zoneMonth(-1), 5),
      mode: 'on_site',
      problems: [
        {
          title: '急需 20 名焊工',
          description: '新生产线投产，焊工缺口约 20 人。',
          category: 'labour',
          contact: { name: '王经理', phone: '13800138000' },
        },
      ],
    };
    const headers = { 'idempotency-key': 'kafka-visit-1' };
    const first = await kit.api('POST', '/api/v1/outreach/visits', 'insLi', body, headers);
    const again = await kit.api('POST', '/api/v1/outreach/visits', 'insLi', body, headers);
    expect([first.status, again.status]).toEqual([201, 201]);
    expect(again.body).toEqual(first.body);
    const visitId: string = first.body.id;

    const linked: Json = await eventually(
      async () => {
        const v = await kit.api('GET', `/api/v1/outreach/visits/${visitId}`, 'insLi');
        return v.body.problems?.[0]?.ticket ?? undefined;
      },
      60_000,
      200,
    );
    expect(linked).toMatchObject({ number: expect.stringMatching(/^CS-\d{4}-\d{6}$/) });

    const queued: Json = await eventually(
      async () => {
        const q = await kit.api('GET', '/api/v1/tickets?limit=50', 'depHrss');
        return q.body.items?.find((t: Json) => t.id === linked.id && t.status === 'assigned');
      },
      60_000,
      200,
    );
    expect(queued).toMatchObject({ channel: 'visit', visitId, enterpriseId: ENT.jx });
    const t = await kit.api('GET', `/api/v1/tickets/${linked.id}`, 'entJx');
    expect(t.body).toMatchObject({
      channel: 'visit',
      visitId,
      submittedBy: { id: USERS.insLi.id, role: 'instructor' },
      leadDepartment: { id: DEP.hrss },
    });
    // Exactly once through the inbox: one ticket for the one problem, one link.
    const tickets = await kit.pg.query(`SELECT count(*)::int AS n FROM ticket.tickets WHERE visit_id = $1`, [
      visitId,
    ]);
    const links = await kit.pg.query(
      `SELECT count(*)::int AS n FROM outreach.outbox WHERE type = 'outreach.visit-linked' AND key = $1`,
      [visitId],
    );
    expect([tickets.rows[0].n, links.rows[0].n]).toEqual([1, 1]);
  });
});
