import {
  fields,
  kit,
  MEETING,
  NEED,
  openDecision,
  people,
  refusal,
  STARTS,
  TICKET,
} from '../../../shared/handler-spec.fixture';
import { ScheduleMeetingCommand } from './schedule-meeting.command';
import { ScheduleMeetingHandler } from './schedule-meeting.handler';

async function setup() {
  const k = await kit();
  return {
    ...k,
    handler: new ScheduleMeetingHandler(k.uow, k.meetings, k.decisions, k.sources, k.directory),
  };
}

const cmd = (over: Partial<ScheduleMeetingCommand> = {}) =>
  ScheduleMeetingCommand.create({
    user: people.committee,
    meetingId: MEETING,
    title: '第一季度联席会议',
    startsAt: STARTS,
    place: '管委会三楼会议室',
    items: [
      { kind: 'ticket', ticketId: TICKET },
      { kind: 'topic', title: '园区货运专线', departmentIds: ['dep-tax'] },
    ],
    invitedDepartmentIds: [],
    invitedEnterpriseIds: ['ent-2'],
    followUps: true,
    ...over,
  });

describe('ScheduleMeetingHandler', () => {
  it('schedules from an escalated ticket and a topic, inviting their departments and enterprises: meeting.scheduled', async () => {
    const k = await setup();
    const r = await k.handler.execute(cmd());
    expect(r).toMatchObject({ id: MEETING, status: 'scheduled', version: 1 });
    expect(k.meetings.saved).toHaveLength(1);
    const [change] = k.meetings.saved;
    expect(change.eventType).toBe('meeting.scheduled');
    expect(change.payload).toMatchObject({
      meetingId: MEETING,
      convenorId: 'u-com',
      convenorName: '张书记',
      agenda: [
        {
          kind: 'ticket',
          source: 'escalation',
          title: '厂区门口道路破损',
          ticketNumber: 'CS-2026-000001',
          enterpriseId: 'ent-1',
        },
        { kind: 'topic', source: 'manual', title: '园区货运专线' },
      ],
      invitedDepartmentIds: ['dep-tr', 'dep-ur', 'dep-tax'],
      invitedEnterpriseIds: ['ent-2', 'ent-1'],
    });
    expect(k.uow.transactions).toBe(1);
  });

  it('a ticket that was not escalated is added by hand; a need by id; open decisions of earlier meetings follow up', async () => {
    const k = await setup();
    k.sources.scheduled.add(TICKET);
    k.decisions.seed(openDecision());
    await k.handler.execute(
      cmd({
        items: [
          { kind: 'ticket', ticketId: TICKET },
          { kind: 'need', needId: NEED },
        ],
      }),
    );
    const agenda = (
      k.meetings.saved[0].payload as { agenda: { kind: string; source: string; title: string }[] }
    ).agenda;
    expect(agenda.map((i) => [i.kind, i.source, i.title])).toEqual([
      ['ticket', 'manual', '厂区门口道路破损'],
      ['need', 'manual', '寻找铝材供应商'],
      ['decision', 'follow_up', '厂区门口道路破损'],
    ]);
  });

  it('refuses unknown tickets, needs, departments, enterprises and convenors, naming each; writes nothing', async () => {
    const k = await setup();
    const e = await refusal(
      k.handler.execute(
        cmd({
          items: [
            { kind: 'ticket', ticketId: '0190f1f0-0000-7000-8000-00000000dead' },
            { kind: 'need', needId: '0190f1f0-0000-7000-8000-00000000beef' },
            { kind: 'topic', title: '议题', enterpriseId: 'ent-x', departmentIds: ['dep-old'] },
          ],
        }),
      ),
    );
    expect(fields(e)).toEqual([
      'items.0.ticketId',
      'items.1.needId',
      'items.2.enterpriseId',
      'items.2.departmentIds.0',
    ]);
    expect(fields(await refusal(k.handler.execute(cmd({ invitedDepartmentIds: ['dep-x'] }))))).toEqual([
      'invitedDepartmentIds.0',
    ]);
    expect(fields(await refusal(k.handler.execute(cmd({ convenorUserId: 'u-ent' }))))).toEqual([
      'convenorUserId',
    ]);
    expect(fields(await refusal(k.handler.execute(cmd({ items: [], followUps: false }))))).toEqual(['items']);
    expect(
      fields(
        await refusal(
          k.handler.execute(
            cmd({
              items: [
                { kind: 'ticket', ticketId: TICKET },
                { kind: 'ticket', ticketId: TICKET },
              ],
            }),
          ),
        ),
      ),
    ).toEqual(['items.1']);
    expect(k.meetings.saved).toEqual([]);
  });

  it('names another committee member as convenor; a retry with the same id answers the same meeting', async () => {
    const k = await setup();
    await k.handler.execute(cmd({ convenorUserId: 'u-com-2' }));
    expect(k.meetings.saved[0].payload).toMatchObject({ convenorId: 'u-com-2', convenorName: '李主任' });
    const again = await k.handler.execute(cmd({ convenorUserId: 'u-com-2' }));
    expect(again.id).toBe(MEETING);
    expect(k.meetings.saved).toHaveLength(1);
  });

  it('only the committee and admin run meetings', async () => {
    const k = await setup();
    expect((await refusal(k.handler.execute(cmd({ user: people.transport })))).code).toBe('forbidden');
    expect((await k.handler.execute(cmd({ user: people.admin }))).status).toBe('scheduled');
  });
});
