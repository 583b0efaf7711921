import { Meeting } from '../../domain/meeting.aggregate';
import { fields, kit, MEETING, people, refusal, STARTS } from '../../../shared/handler-spec.fixture';
import { CancelMeetingCommand } from './cancel-meeting.command';
import { CancelMeetingHandler } from './cancel-meeting.handler';

async function setup() {
  const k = await kit();
  k.meetings.seed(
    Meeting.schedule({
      id: MEETING,
      title: '联席会议',
      startsAt: STARTS,
      place: '会议室',
      convenor: { id: 'u-com', name: '张书记' },
      agenda: [
        {
          itemId: '0190f1f0-0000-7000-8000-000000000601',
          kind: 'topic',
          source: 'manual',
          title: '货运专线',
          ticketId: null,
          ticketNumber: null,
          needId: null,
          decisionId: null,
          enterpriseId: null,
          departmentIds: [],
          addedAt: STARTS,
        },
      ],
      invitedDepartmentIds: ['dep-tr'],
      invitedEnterpriseIds: [],
      actor: { id: 'u-com', role: 'committee' },
      at: new Date('2026-03-10T00:00:00Z'),
    }),
  );
  return { ...k, handler: new CancelMeetingHandler(k.uow, k.meetings) };
}

const cmd = (over: Partial<CancelMeetingCommand> = {}) =>
  CancelMeetingCommand.create({
    user: people.committee,
    meetingId: MEETING,
    expectedVersion: 1,
    reason: '改期',
    ...over,
  });

describe('CancelMeetingHandler', () => {
  it('calls the meeting off with its reason: meeting.cancelled; not twice', async () => {
    const k = await setup();
    expect(await k.handler.execute(cmd())).toMatchObject({ status: 'cancelled', version: 2 });
    expect(k.meetings.saved.map((c) => [c.eventType, c.payload])).toEqual([
      ['meeting.cancelled', { meetingId: MEETING, reason: '改期' }],
    ]);
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 2 })))).code).toBe('illegalTransition');
  });

  it('refuses an empty reason, an unknown meeting and a department', async () => {
    const k = await setup();
    expect(fields(await refusal(k.handler.execute(cmd({ reason: '  ' }))))).toEqual(['reason']);
    expect(
      (await refusal(k.handler.execute(cmd({ meetingId: '0190f1f0-0000-7000-8000-00000000dead' })))).code,
    ).toBe('notFound');
    expect((await refusal(k.handler.execute(cmd({ user: people.transport })))).code).toBe('forbidden');
    expect(k.meetings.saved).toEqual([]);
  });
});
