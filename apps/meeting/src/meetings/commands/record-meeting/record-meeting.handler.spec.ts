import { Meeting } from '../../domain/meeting.aggregate';
import { fields, kit, MEETING, people, refusal, STARTS, TICKET } from '../../../shared/handler-spec.fixture';
import { RecordMeetingCommand } from './record-meeting.command';
import { RecordMeetingHandler } from './record-meeting.handler';

const ROAD = '0190f1f0-0000-7000-8000-000000000601';
const FREIGHT = '0190f1f0-0000-7000-8000-000000000602';

async function setup() {
  const k = await kit();
  const item = {
    ticketNumber: null,
    needId: null,
    decisionId: null,
    addedAt: STARTS,
  };
  k.meetings.seed(
    Meeting.schedule({
      id: MEETING,
      title: '联席会议',
      startsAt: STARTS,
      place: '会议室',
      convenor: { id: 'u-com', name: '张书记' },
      agenda: [
        {
          ...item,
          itemId: ROAD,
          kind: 'ticket',
          source: 'escalation',
          title: '厂区门口道路破损',
          ticketId: TICKET,
          ticketNumber: 'CS-2026-000001',
          enterpriseId: 'ent-1',
          departmentIds: ['dep-tr', 'dep-ur'],
        },
        {
          ...item,
          itemId: FREIGHT,
          kind: 'topic',
          source: 'manual',
          title: '园区货运专线',
          ticketId: null,
          enterpriseId: null,
          departmentIds: [],
        },
      ],
      invitedDepartmentIds: [],
      invitedEnterpriseIds: [],
      actor: { id: 'u-com', role: 'committee' },
      at: new Date('2026-03-10T00:00:00Z'),
    }),
  );
  return { ...k, handler: new RecordMeetingHandler(k.uow, k.meetings, k.decisions, k.sources, k.directory) };
}

const decision = (over: Record<string, unknown> = {}) => ({
  itemId: ROAD,
  task: '修复厂区门口道路',
  leadDepartmentId: 'dep-tr',
  coHandlerDepartmentIds: ['dep-ur'],
  dueWorkingDays: 10,
  cooperation: false,
  ...over,
});

const cmd = (over: Partial<RecordMeetingCommand> = {}) =>
  RecordMeetingCommand.create({
    user: people.committee,
    meetingId: MEETING,
    expectedVersion: 1,
    heldAt: STARTS,
    attendance: {
      departmentIds: ['dep-tr', 'dep-ur'],
      enterpriseIds: ['ent-1'],
      people: ['张书记', '王局长'],
    },
    summary: '会议研究了道路与货运专线。',
    decisions: [
      decision(),
      decision({
        itemId: FREIGHT,
        task: '开通货运专线',
        leadDepartmentId: 'dep-tax',
        coHandlerDepartmentIds: [],
        dueWorkingDays: 20,
        cooperation: true,
      }),
    ],
    ...over,
  });

describe('RecordMeetingHandler', () => {
  it('records the meeting and makes one decision per decided item, decided at the meeting: held, then decision-made ×2', async () => {
    const k = await setup();
    const r = await k.handler.execute(cmd());
    expect(r).toMatchObject({ status: 'held', version: 2 });
    expect(r.decisionIds).toHaveLength(2);
    expect(k.meetings.saved.map((c) => c.eventType)).toEqual(['meeting.held']);
    expect(k.meetings.saved[0].payload).toMatchObject({
      heldAt: STARTS.toISOString(),
      decisionIds: r.decisionIds,
    });
    expect(k.decisions.saved.map((c) => c.payload)).toEqual([
      expect.objectContaining({
        decisionId: r.decisionIds[0],
        meetingId: MEETING,
        itemId: ROAD,
        ticketId: TICKET,
        enterpriseId: 'ent-1',
        title: '厂区门口道路破损',
        leadDepartmentId: 'dep-tr',
        coHandlerDepartmentIds: ['dep-ur'],
        dueWorkingDays: 10,
        cooperation: false,
        decidedAt: STARTS.toISOString(),
      }),
      expect.objectContaining({
        itemId: FREIGHT,
        ticketId: null,
        leadDepartmentId: 'dep-tax',
        dueWorkingDays: 20,
        cooperation: true,
      }),
    ]);
  });

  it('refuses unknown departments, an item not on the agenda, an item twice and a lead as its own co-handler; writes nothing', async () => {
    const k = await setup();
    expect(
      fields(
        await refusal(
          k.handler.execute(
            cmd({
              attendance: { departmentIds: ['dep-x'], enterpriseIds: ['ent-x'], people: [] },
              decisions: [decision({ leadDepartmentId: 'dep-old', coHandlerDepartmentIds: ['dep-y'] })],
            }),
          ),
        ),
      ),
    ).toEqual([
      'attendance.departmentIds.0',
      'attendance.enterpriseIds.0',
      'decisions.0.leadDepartmentId',
      'decisions.0.coHandlerDepartmentIds.0',
    ]);
    expect(
      fields(await refusal(k.handler.execute(cmd({ decisions: [decision({ itemId: MEETING })] })))),
    ).toEqual(['decisions.0.itemId']);
    expect(fields(await refusal(k.handler.execute(cmd({ decisions: [decision(), decision()] }))))).toEqual([
      'decisions.1.itemId',
    ]);
    expect(
      fields(
        await refusal(
          k.handler.execute(cmd({ decisions: [decision({ coHandlerDepartmentIds: ['dep-tr'] })] })),
        ),
      ),
    ).toEqual(['decisions.0.coHandlerDepartmentIds.0']);
    expect(
      fields(await refusal(k.handler.execute(cmd({ heldAt: new Date(Date.now() + 86_400_000) })))),
    ).toEqual(['heldAt']);
    expect(k.meetings.saved).toEqual([]);
    expect(k.decisions.saved).toEqual([]);
  });

  it('a meeting is recorded once; a stale version and a department are refused', async () => {
    const k = await setup();
    expect((await refusal(k.handler.execute(cmd({ user: people.transport })))).code).toBe('forbidden');
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 3 })))).code).toBe('versionConflict');
    await k.handler.execute(cmd({ decisions: [] }));
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 2 })))).code).toBe('illegalTransition');
  });
});
