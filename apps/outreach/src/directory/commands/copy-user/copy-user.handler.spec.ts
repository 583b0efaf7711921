import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryOutreachDirectory } from '../../infrastructure/outreach-directory.in-memory-repository';
import { CopyUserCommand } from './copy-user.command';
import { CopyUserHandler } from './copy-user.handler';

const user = {
  id: 'u-ins',
  role: 'instructor',
  gridIds: ['grid-1'],
  departmentId: null,
  enterpriseId: null,
  active: true,
};

describe('CopyUserHandler', () => {
  it('keeps the newest name and scope; an instructor’s own grids count as theirs', async () => {
    const directory = new InMemoryOutreachDirectory();
    const handler = new CopyUserHandler(new InlineUnitOfWork(), directory);
    await handler.execute(
      CopyUserCommand.create({ ...user, displayName: '李指导员', asOf: new Date('2026-03-02') }),
    );
    await handler.execute(
      CopyUserCommand.create({ ...user, displayName: '旧名字', gridIds: [], asOf: new Date('2026-03-01') }),
    );
    expect(await directory.findUser('u-ins')).toMatchObject({ displayName: '李指导员', role: 'instructor' });
    expect(await directory.gridsOfInstructor('u-ins')).toEqual(['grid-1']);
  });

  it('refuses a copy without a role', () => {
    expect(() =>
      CopyUserCommand.create({
        ...user,
        displayName: 'x',
        role: undefined as unknown as string,
        asOf: new Date(),
      }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
