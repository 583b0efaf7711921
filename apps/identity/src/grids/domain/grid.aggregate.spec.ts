import { callerActor, gridState, ids, T0, userState } from '../../identity-spec.fixture';
import { User } from '../../users/domain/user.aggregate';
import { Grid } from './grid.aggregate';
import { instructorProblems } from './grid-instructors';

const later = new Date(T0.getTime() + 60_000);

describe('Grid', () => {
  it('is registered with its instructors (sorted), announced and audited', () => {
    const g = Grid.register(
      {
        id: ids.south,
        code: 'south',
        name: '南区网格',
        instructorUserIds: [ids.secondInstructor, ids.instructor],
      },
      callerActor,
      T0,
      { code: 'south', name: '南区网格' },
    );
    expect(g.instructorUserIds).toEqual([ids.instructor, ids.secondInstructor]);
    const { events, audit } = g.pullChanges();
    expect(events).toEqual([
      {
        type: 'directory.grid-upserted',
        version: 1,
        actor: callerActor,
        at: T0,
        payload: {
          id: ids.south,
          code: 'south',
          name: '南区网格',
          instructorUserIds: [ids.instructor, ids.secondInstructor],
        },
      },
    ]);
    expect(audit.map((a) => a.action)).toEqual(['grid.created']);
  });

  it('tells who joined and who left when its instructors are set, in one new version', () => {
    const g = Grid.fromState(gridState({ instructorUserIds: [ids.instructor] }));
    const update = g.update({ instructorUserIds: [ids.secondInstructor] }, callerActor, later, {});
    expect(update).toEqual({ changed: true, joined: [ids.secondInstructor], left: [ids.instructor] });
    expect([g.version, g.instructorUserIds]).toEqual([2, [ids.secondInstructor]]);
    expect(g.pullChanges().events).toHaveLength(1);
  });

  it('changes nothing for the same name and the same instructors in another order', () => {
    const g = Grid.fromState(gridState({ instructorUserIds: [ids.instructor, ids.secondInstructor] }));
    const asked = { name: '东区网格', instructorUserIds: [ids.secondInstructor, ids.instructor] };
    expect(g.update(asked, callerActor, later, asked).changed).toBe(false);
    expect(g.version).toBe(1);
    expect(g.pullChanges()).toEqual({ events: [], audit: [] });
  });

  it('follows an instructor who joins or leaves from the user side: a new version, announced, not audited', () => {
    const g = Grid.fromState(gridState());
    g.instructorJoined(ids.instructor, callerActor, later);
    g.instructorLeft(ids.instructor, callerActor, later);
    const { events, audit } = g.pullChanges();
    expect(events.map((e) => [e.version, e.payload.instructorUserIds])).toEqual([
      [2, [ids.instructor]],
      [3, []],
    ]);
    expect(audit).toEqual([]);
  });
});

describe('instructorProblems', () => {
  const instructor = User.fromState(
    userState({ id: ids.instructor, role: 'instructor', gridIds: [ids.east, ids.west] }),
  );
  const lonely = User.fromState(
    userState({ id: ids.secondInstructor, role: 'instructor', gridIds: [ids.east] }),
  );
  const committee = User.fromState(userState());
  const users = new Map([instructor, lonely, committee].map((u) => [u.id, u]));

  it('accepts instructors, and letting go one who keeps another grid', () => {
    expect(instructorProblems([ids.instructor], [], users)).toEqual([]);
    expect(instructorProblems([ids.secondInstructor], [ids.instructor, ids.secondInstructor], users)).toEqual(
      [],
    );
  });

  it('refuses users of another role and unknown ids, naming them', () => {
    expect(instructorProblems([ids.committee, ids.nobody, ids.instructor], [], users)).toEqual([
      {
        field: 'instructorUserIds',
        messages: [`not instructors (or unknown): ${ids.committee}, ${ids.nobody}`],
      },
    ]);
  });

  it('refuses to leave an instructor without any grid', () => {
    expect(instructorProblems([ids.instructor], [ids.instructor, ids.secondInstructor], users)).toEqual([
      {
        field: 'instructorUserIds',
        messages: [
          `instructor ${ids.secondInstructor} would be left without a grid; give them another grid first`,
        ],
      },
    ]);
  });
});
