import { Meeting } from '../../../meetings/domain/meeting.aggregate';
import {
  fields,
  kit,
  MEETING,
  NEXT_MEETING,
  openDecision,
  people,
  refusal,
  STARTS,
} from '../../../shared/handler-spec.fixture';
import { CloseDecisionCommand } from './close-decision.command';
import { CloseDecisionHandler } from './close-decision.handler';

const ID = '0190f1f0-0000-7000-8000-000000000401';

async function setup() {
  const k = await kit();
  k.decisions.seed(openDecision(ID));
  const meeting = (id: string, decisionId: string | null) =>
    Meeting.schedule({
      id,
      title: '第二次联席会议',
      startsAt: STARTS,
      place: '会议室',
      convenor: { id: 'u-com', name: '张书记' },
      agenda: [
        {
          itemId: `${id.slice(0, -3)}999`,
          kind: decisionId ? 'decision' : 'topic',
          source: decisionId ? 'follow_up' : 'manual',
          title: '厂区门口道路破损',
          ticketId: null,
          ticketNumber: null,
          needId: null,
          decisionId,
          enterpriseId: null,
          departmentIds: [],
          addedAt: STARTS,
        },
      ],
      invitedDepartmentIds: [],
      invitedEnterpriseIds: [],
      actor: { id: 'u-com', role: 'committee' },
      at: STARTS,
    });
  k.meetings.seed(meeting(NEXT_MEETING, ID));
  k.meetings.seed(meeting(MEETING, null));
  return { ...k, handler: new CloseDecisionHandler(k.uow, k.decisions, k.meetings) };
}

const cmd = (over: Partial<CloseDecisionCommand> = {}) =>
  CloseDecisionCommand.create({
    user: people.committee,
    decisionId: ID,
    expectedVersion: 1,
    outcome: 'solved',
    note: '已落实',
    meetingId: NEXT_MEETING,
    ...over,
  });

describe('CloseDecisionHandler', () => {
  it('closes it as solved at the next meeting, which had it as a follow-up: decision-closed; not twice', async () => {
    const k = await setup();
    expect(await k.handler.execute(cmd())).toEqual({ id: ID, status: 'closed', version: 2 });
    expect(k.decisions.saved.map((c) => c.payload)).toEqual([
      {
        decisionId: ID,
        meetingId: MEETING,
        outcome: 'solved',
        note: '已落实',
        reportedAtMeetingId: NEXT_MEETING,
      },
    ]);
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 2 })))).code).toBe('illegalTransition');
  });

  it('refuses a meeting without it on the agenda, an empty note, a department; closes without a meeting too', async () => {
    const k = await setup();
    expect(fields(await refusal(k.handler.execute(cmd({ meetingId: MEETING }))))).toEqual(['meetingId']);
    expect(fields(await refusal(k.handler.execute(cmd({ note: '' }))))).toEqual(['note']);
    expect((await refusal(k.handler.execute(cmd({ user: people.transport })))).code).toBe('forbidden');
    expect(k.decisions.saved).toEqual([]);
    expect(
      await k.handler.execute(cmd({ meetingId: null, outcome: 'withdrawn', note: '企业已搬迁' })),
    ).toMatchObject({
      status: 'closed',
    });
  });
});
