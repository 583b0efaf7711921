import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryMeetingDirectory } from '../../infrastructure/meeting-directory.in-memory-repository';
import { CopyEnterpriseCommand } from './copy-enterprise.command';
import { CopyEnterpriseHandler } from './copy-enterprise.handler';

describe('CopyEnterpriseHandler', () => {
  it('keeps the newest copy of an enterprise, its deactivation included', async () => {
    const directory = new InMemoryMeetingDirectory();
    const handler = new CopyEnterpriseHandler(new InlineUnitOfWork(), directory);
    await handler.execute(
      CopyEnterpriseCommand.create({
        id: 'ent-1',
        name: '六枝机械厂',
        active: true,
        asOf: new Date('2026-03-01'),
      }),
    );
    await handler.execute(
      CopyEnterpriseCommand.create({
        id: 'ent-1',
        name: '六枝机械厂',
        active: false,
        asOf: new Date('2026-03-02'),
      }),
    );
    await handler.execute(
      CopyEnterpriseCommand.create({ id: 'ent-1', name: '旧名', active: true, asOf: new Date('2026-02-01') }),
    );
    expect(await directory.findEnterprise('ent-1')).toEqual({
      id: 'ent-1',
      name: '六枝机械厂',
      active: false,
    });
  });
});
