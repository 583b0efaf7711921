import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryEnterpriseDirectory } from '../../infrastructure/enterprise-directory.in-memory-repository';
import { CopyUserCommand } from './copy-user.command';
import { CopyUserHandler } from './copy-user.handler';

describe('CopyUserHandler', () => {
  it('keeps the newest copy of a user: a late redelivery of an older upsert does not roll it back', async () => {
    const directory = new InMemoryEnterpriseDirectory();
    const handler = new CopyUserHandler(new InlineUnitOfWork(), directory);
    const base = { id: 'u-1', role: 'department', departmentId: 'dep-1' };
    await handler.execute(
      CopyUserCommand.create({
        ...base,
        displayName: '王科员',
        active: false,
        asOf: new Date('2026-03-02T02:00:00Z'),
      }),
    );
    await handler.execute(
      CopyUserCommand.create({
        ...base,
        displayName: '王某',
        active: true,
        asOf: new Date('2026-03-01T02:00:00Z'),
      }),
    );
    expect(await directory.findUser('u-1')).toEqual({ ...base, displayName: '王科员', active: false });
  });

  it('refuses a copy without an id', () => {
    expect(() =>
      CopyUserCommand.create({
        id: '',
        displayName: 'x',
        role: 'department',
        departmentId: null,
        active: true,
        asOf: new Date(),
      }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
