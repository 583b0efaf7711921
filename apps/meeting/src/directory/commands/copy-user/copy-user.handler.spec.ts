import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryMeetingDirectory } from '../../infrastructure/meeting-directory.in-memory-repository';
import { CopyUserCommand } from './copy-user.command';
import { CopyUserHandler } from './copy-user.handler';

describe('CopyUserHandler', () => {
  it('keeps the newest name and role of a user', async () => {
    const directory = new InMemoryMeetingDirectory();
    const handler = new CopyUserHandler(new InlineUnitOfWork(), directory);
    const u = { id: 'u-com', role: 'committee', active: true };
    await handler.execute(
      CopyUserCommand.create({ ...u, displayName: '张书记', asOf: new Date('2026-03-02') }),
    );
    await handler.execute(
      CopyUserCommand.create({ ...u, displayName: '张主任', asOf: new Date('2026-03-01') }),
    );
    expect(await directory.findUser('u-com')).toEqual({ ...u, displayName: '张书记' });
  });
});
