import {
  caller,
  callerActor,
  directory,
  fieldsOf,
  ids,
  refusal,
  userState,
} from '../../../handler-spec.fixture';
import { CreateGridCommand } from './create-grid.command';
import { CreateGridHandler } from './create-grid.handler';

describe('CreateGridHandler', () => {
  it('adds the grid with its instructor: the grid announced and audited, the instructor a new version', async () => {
    const kit = directory();
    const result = await new CreateGridHandler(kit.uow, kit.grids, kit.users, kit.refreshTokens).execute(
      CreateGridCommand.create({
        user: caller,
        code: 'north',
        name: '北区网格',
        instructorUserIds: [ids.instructor],
      }),
    );
    expect(result).toMatchObject({ code: 'north', instructorUserIds: [ids.instructor], version: 1 });
    expect(kit.grids.changes.events).toEqual([
      expect.objectContaining({
        type: 'directory.grid-upserted',
        version: 1,
        payload: { id: result.id, code: 'north', name: '北区网格', instructorUserIds: [ids.instructor] },
      }),
    ]);
    expect(kit.grids.changes.audit.map((a) => [a.action, a.details])).toEqual([
      ['grid.created', { code: 'north', name: '北区网格', instructorUserIds: [ids.instructor] }],
    ]);
    // The instructor's own grids changed: announced from the user's side too, audited once (on the grid).
    expect(kit.users.rows.get(ids.instructor)).toMatchObject({
      gridIds: [ids.east, result.id].sort(),
      version: 2,
    });
    expect(kit.users.changes.events).toEqual([
      expect.objectContaining({ type: 'directory.user-upserted', version: 2, actor: callerActor }),
    ]);
    expect(kit.users.changes.audit).toEqual([]);
    // Its token names the grids it had: its sessions end in every service.
    expect(kit.refreshTokens.ended).toEqual([
      expect.objectContaining({ userId: ids.instructor, sessionId: null, reason: 'scope-changed' }),
    ]);
    expect(kit.uow.transactions).toBe(1);
  });

  it('refuses a user who is not an instructor, and a taken code, saving nothing', async () => {
    const kit = directory({
      users: [userState({ id: ids.admin, role: 'admin' }), userState({ id: ids.committee })],
    });
    const handler = new CreateGridHandler(kit.uow, kit.grids, kit.users, kit.refreshTokens);
    const notInstructor = await refusal(
      handler.execute(
        CreateGridCommand.create({
          user: caller,
          code: 'north',
          name: '北区',
          instructorUserIds: [ids.committee],
        }),
      ),
    );
    expect([notInstructor.code, notInstructor.details.errors]).toEqual([
      'validation',
      [{ field: 'instructorUserIds', messages: [`not instructors (or unknown): ${ids.committee}`] }],
    ]);
    const taken = await refusal(
      handler.execute(CreateGridCommand.create({ user: caller, code: 'east', name: '东' })),
    );
    expect([taken.code, fieldsOf(taken)]).toEqual(['conflict', ['code']]);
    expect(kit.grids.changes.events).toEqual([]);
    expect(kit.users.changes.events).toEqual([]);
  });
});
