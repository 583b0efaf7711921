import { caller, directory, gridState, ids, refusal, userState } from '../../../handler-spec.fixture';
import { UpdateGridCommand } from './update-grid.command';
import { UpdateGridHandler } from './update-grid.handler';

/** The instructor looks after east and west; a second instructor joins east only. */
const twoInstructors = () =>
  directory({
    users: [
      userState({ id: ids.admin, role: 'admin' }),
      userState({ id: ids.instructor, role: 'instructor', gridIds: [ids.east, ids.west] }),
      userState({ id: ids.secondInstructor, role: 'instructor', gridIds: [ids.west] }),
    ],
    grids: [
      gridState({ instructorUserIds: [ids.instructor] }),
      gridState({
        id: ids.west,
        code: 'west',
        name: '西区网格',
        instructorUserIds: [ids.instructor, ids.secondInstructor],
      }),
    ],
  });

const update = (kit: ReturnType<typeof directory>, over: Partial<UpdateGridCommand>) =>
  new UpdateGridHandler(kit.uow, kit.grids, kit.users, kit.refreshTokens).execute(
    UpdateGridCommand.create({ user: caller, gridId: ids.east, ...over }),
  );

describe('UpdateGridHandler', () => {
  it('hands the grid to another instructor: grid and both instructors get a new version, announced', async () => {
    const kit = twoInstructors();
    const result = await update(kit, { instructorUserIds: [ids.secondInstructor], expectedVersion: 1 });
    expect(result).toMatchObject({ instructorUserIds: [ids.secondInstructor], version: 2 });
    expect(
      kit.grids.changes.events.map((e) => [e.aggregateId, e.version, e.payload.instructorUserIds]),
    ).toEqual([[ids.east, 2, [ids.secondInstructor]]]);
    expect(kit.grids.changes.audit.map((a) => a.action)).toEqual(['grid.updated']);
    expect(kit.users.rows.get(ids.instructor)).toMatchObject({ gridIds: [ids.west], version: 2 });
    expect(kit.users.rows.get(ids.secondInstructor)).toMatchObject({
      gridIds: [ids.east, ids.west],
      version: 2,
    });
    expect(kit.users.changes.events.map((e) => e.aggregateId).sort()).toEqual(
      [ids.instructor, ids.secondInstructor].sort(),
    );
    expect(kit.users.changes.audit).toEqual([]);
    // Both instructors' tokens name the grids they had: their sessions end in every service.
    expect(kit.refreshTokens.ended.map((e) => [e.userId, e.sessionId, e.reason]).sort()).toEqual(
      [
        [ids.instructor, null, 'scope-changed'],
        [ids.secondInstructor, null, 'scope-changed'],
      ].sort(),
    );
  });

  it('answers the unchanged grid for the same name and instructors: no version, event or audit line', async () => {
    const kit = twoInstructors();
    const result = await update(kit, { name: '东区网格', instructorUserIds: [ids.instructor] });
    expect(result.version).toBe(1);
    expect(kit.grids.changes.events).toEqual([]);
    expect(kit.grids.changes.audit).toEqual([]);
    expect(kit.users.changes.events).toEqual([]);
    expect(kit.refreshTokens.ended).toEqual([]);
  });

  it('refuses to leave an instructor without any grid, saving nothing', async () => {
    const kit = twoInstructors();
    const e = await refusal(update(kit, { gridId: ids.west, instructorUserIds: [ids.instructor] }));
    expect(e.details.errors).toEqual([
      {
        field: 'instructorUserIds',
        messages: [
          `instructor ${ids.secondInstructor} would be left without a grid; give them another grid first`,
        ],
      },
    ]);
    expect(kit.grids.changes.events).toEqual([]);
    expect(kit.users.changes.events).toEqual([]);
  });

  it('refuses a stale expectedVersion and an unknown grid', async () => {
    const kit = twoInstructors();
    expect((await refusal(update(kit, { name: '新', expectedVersion: 2 }))).code).toBe('versionConflict');
    expect((await refusal(update(kit, { gridId: ids.nobody, name: '新' }))).code).toBe('notFound');
  });
});
