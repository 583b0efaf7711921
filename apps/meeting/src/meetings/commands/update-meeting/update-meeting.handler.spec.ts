import { Meeting } from '../../domain/meeting.aggregate';
import {
  fields,
  kit,
  MEETING,
  NEED,
  people,
  refusal,
  STARTS,
  TICKET,
} from '../../../shared/handler-spec.fixture';
import { UpdateMeetingCommand } from './update-meeting.command';
import { UpdateMeetingHandler } from './update-meeting.handler';

const ITEM = '0190f1f0-0000-7000-8000-000000000601';

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
          itemId: ITEM,
          kind: 'ticket',
          source: 'escalation',
          title: '厂区门口道路破损',
          ticketId: TICKET,
          ticketNumber: 'CS-2026-000001',
          needId: null,
          decisionId: null,
          enterpriseId: 'ent-1',
          departmentIds: ['dep-tr'],
          addedAt: STARTS,
        },
      ],
      invitedDepartmentIds: [],
      invitedEnterpriseIds: [],
      actor: { id: 'u-com', role: 'committee' },
      at: new Date('2026-03-10T00:00:00Z'),
    }),
  );
  return { ...k, handler: new UpdateMeetingHandler(k.uow, k.meetings, k.decisions, k.sources, k.directory) };
}

const cmd = (over: Partial<UpdateMeetingCommand> = {}) =>
  UpdateMeetingCommand.create({ user: people.committee, meetingId: MEETING, expectedVersion: 1, ...over });

describe('UpdateMeetingHandler', () => {
  it('moves the meeting, adds a need (inviting its enterprise) and invites a department: meeting.updated', async () => {
    const k = await setup();
    const later = new Date('2026-03-21T06:30:00Z');
    const r = await k.handler.execute(
      cmd({
        startsAt: later,
        place: '二楼会议室',
        addItems: [{ kind: 'need', needId: NEED }],
        invitedDepartmentIds: ['dep-tax'],
      }),
    );
    expect(r).toMatchObject({ status: 'scheduled', version: 2 });
    expect(r.itemIds).toHaveLength(2);
    expect(k.meetings.saved[0]).toMatchObject({
      eventType: 'meeting.updated',
      payload: {
        startsAt: later.toISOString(),
        place: '二楼会议室',
        invitedDepartmentIds: ['dep-tax', 'dep-tr'],
        invitedEnterpriseIds: ['ent-1', 'ent-2'],
      },
    });
  });

  it('refuses a stale version, an unknown item to remove, the last item removed, and a change of nothing', async () => {
    const k = await setup();
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 2, place: 'x' })))).code).toBe(
      'versionConflict',
    );
    expect(fields(await refusal(k.handler.execute(cmd({ removeItemIds: [MEETING] }))))).toEqual([
      'removeItemIds.0',
    ]);
    expect(fields(await refusal(k.handler.execute(cmd({ removeItemIds: [ITEM] }))))).toEqual([
      'removeItemIds',
    ]);
    expect(fields(await refusal(k.handler.execute(cmd({ place: '会议室' }))))).toEqual(['body']);
    expect(
      fields(await refusal(k.handler.execute(cmd({ addItems: [{ kind: 'ticket', ticketId: TICKET }] })))),
    ).toEqual(['addItems.0']);
    expect(k.meetings.saved).toEqual([]);
  });

  it('a cancelled meeting cannot change; a department may not change one', async () => {
    const k = await setup();
    expect((await refusal(k.handler.execute(cmd({ user: people.transport, place: 'x' })))).code).toBe(
      'forbidden',
    );
    const m = (await k.meetings.lockById(MEETING))!;
    m.cancel('改期', { id: 'u-com', role: 'committee' }, new Date());
    await k.meetings.save(m);
    expect((await refusal(k.handler.execute(cmd({ expectedVersion: 2, place: 'x' })))).code).toBe(
      'illegalTransition',
    );
  });
});
