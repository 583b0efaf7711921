import { createEnvelope, EventOf, EventPayloads, EventType } from '@ticketing/contracts';
import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryDirectoryRepository } from '../../infrastructure/directory.in-memory-repository';
import { RecordDirectoryEntryCommand } from './record-directory-entry.command';
import { RecordDirectoryEntryHandler } from './record-directory-entry.handler';

const event = <T extends EventType>(type: T, payload: EventPayloads[T]): EventOf<T> => ({
  ...createEnvelope({
    type,
    aggregateId: 'x',
    aggregateVersion: 1,
    actor: { id: 'system', role: 'system' },
    payload,
  }),
  type,
});

describe('RecordDirectoryEntryHandler', () => {
  const setup = () => {
    const uow = new InlineUnitOfWork();
    const directory = new InMemoryDirectoryRepository();
    const handler = new RecordDirectoryEntryHandler(uow, directory);
    const apply = (e: RecordDirectoryEntryCommand['event']) =>
      handler.execute(RecordDirectoryEntryCommand.create({ event: e }));
    return { uow, directory, apply };
  };

  it('keeps the names messages quote and the users (with their scope) recipients are chosen from', async () => {
    const { uow, directory, apply } = setup();
    await apply(
      event('directory.department-upserted', {
        id: 'dep-hr',
        code: 'hrss',
        name: '人社局',
        nameEn: null,
        active: true,
      }),
    );
    await apply(
      event('directory.enterprise-upserted', {
        id: 'ent-1',
        name: '示例机械有限公司',
        creditCode: '91350100M000100Y43',
        gridId: 'g-1',
        contacts: [],
        active: true,
      }),
    );
    const user = {
      id: 'u-hr',
      username: 'hr',
      displayName: '人社局甲',
      role: 'department',
      enterpriseId: null,
      departmentId: 'dep-hr',
      gridIds: [],
      mobile: '13800138000',
      email: null,
      active: true,
    };
    await apply(event('directory.user-upserted', user));
    expect(uow.transactions).toBe(3);
    const names = await directory.names(['dep-hr', 'dep-x'], ['ent-1']);
    expect([names.department('dep-hr'), names.department('dep-x'), names.enterprise('ent-1')]).toEqual([
      '人社局',
      null,
      '示例机械有限公司',
    ]);
    expect(await directory.usersIn({ departmentIds: ['dep-hr'], enterpriseIds: [], roles: [] })).toEqual([
      expect.objectContaining({ id: 'u-hr', role: 'department', departmentId: 'dep-hr', active: true }),
    ]);

    // A later event wins: a user who left is no longer a recipient.
    await apply(event('directory.user-upserted', { ...user, active: false }));
    expect(await directory.usersIn({ departmentIds: ['dep-hr'], enterpriseIds: [], roles: [] })).toEqual([]);
  });

  it('keeps nothing of the directory it does not use (grids travel with their users)', async () => {
    const { directory, apply } = setup();
    await apply(
      event('directory.grid-upserted', {
        id: 'g-1',
        code: 'east',
        name: '东区网格',
        instructorUserIds: ['u-i'],
      }),
    );
    expect([directory.departments.size, directory.enterprises.size, directory.users.size]).toEqual([0, 0, 0]);
  });
});
