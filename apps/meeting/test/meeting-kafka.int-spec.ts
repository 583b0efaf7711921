/**
 * The joint meeting's path on a real Kafka broker: the meeting service and the SLA engine in one
 * process on the Kafka transport (topics under a prefix of their own), so sla.escalated,
 * meeting.decision-made and sla.deadline-set travel through the broker and its consumer groups.
 */
import { Type } from '@nestjs/common';
import { describeWithKafka, eventually, testKafkaBrokers } from '@ticketing/testing';
import { MeetingModule } from '../src/meeting.module';
import { DEP, ENT, Json, MeetingKit, serviceModule, startMeetingKit } from './meeting-test-kit';

const ROAD = '0190f1f0-0000-7000-8000-00000000d001';

describeWithKafka('escalated ticket → meeting → decision with its SLA clock, over Kafka', () => {
  let kit: MeetingKit;
  beforeAll(async () => {
    const modules: Type<unknown>[] = [await serviceModule('sla', 'SlaModule'), MeetingModule];
    kit = await startMeetingKit(modules, {
      KAFKA_BROKERS: testKafkaBrokers()!.join(','),
      KAFKA_TOPIC_PREFIX: `meeting${Date.now().toString(36)}.`,
    });
    // On Kafka a publish returns when the broker has it, not when the consumers applied it.
    const copies = async () =>
      (await kit.pg.query(`SELECT count(*)::int AS n FROM meeting.directory_users`)).rows[0].n;
    expect(await eventually(async () => (await copies()) === 9, 60_000, 200)).toBe(true);
  });
  afterAll(async () => {
    await kit?.close();
  });

  it('the escalated ticket is a candidate; its decision’s clock opens and its deadline comes back', async () => {
    await kit.ticket({
      id: ROAD,
      number: 'CS-2026-000401',
      title: '厂区门口道路破损',
      enterpriseId: ENT.jx,
      enterpriseName: '六枝机械厂',
      lead: DEP.transport,
    });
    await kit.escalate(ROAD);
    const candidate: Json = await eventually(
      async () => {
        const c = await kit.api('GET', '/api/v1/meetings/candidates', 'committee');
        // Submitted and assigned are two events: wait for both.
        return (
          c.body.tickets?.find((t: Json) => t.ticketId === ROAD && t.title && t.leadDepartment) ?? undefined
        );
      },
      60_000,
      200,
    );
    expect(candidate).toMatchObject({ number: 'CS-2026-000401', leadDepartment: { id: DEP.transport } });

    const held = new Date(Date.now() - 3600_000).toISOString();
    const m = await kit.api('POST', '/api/v1/meetings', 'committee', {
      title: '联席会议',
      startsAt: held,
      place: '会议室',
      items: [{ kind: 'ticket', ticketId: ROAD }],
    });
    expect(m.status).toBe(201);
    const rec = await kit.api('POST', `/api/v1/meetings/${m.body.id}/record`, 'committee', {
      expectedVersion: m.body.version,
      heldAt: held,
      attendance: { departmentIds: [DEP.transport], enterpriseIds: [ENT.jx], people: ['张书记'] },
      summary: '研究道路修复',
      decisions: [
        { itemId: m.body.itemIds[0], task: '修复道路', leadDepartmentId: DEP.transport, dueWorkingDays: 5 },
      ],
    });
    expect(rec.status).toBe(200);
    const decisionId = rec.body.decisionIds[0];
    const queued: Json = await eventually(
      async () => {
        const q = await kit.api('GET', '/api/v1/meetings/decisions?mine=true', 'depTransport');
        return q.body.items?.find((d: Json) => d.id === decisionId && d.dueAt) ?? undefined;
      },
      60_000,
      200,
    );
    const timers = await kit.api('GET', `/api/v1/sla/decisions/${decisionId}/timers`, 'depTransport');
    expect(timers.body.timers).toEqual([expect.objectContaining({ kind: 'decision', dueAt: queued.dueAt })]);
  });
});
