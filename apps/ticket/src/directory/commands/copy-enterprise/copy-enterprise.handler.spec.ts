import { InlineUnitOfWork } from '@ticketing/testing';
import { InMemoryEnterpriseDirectory } from '../../infrastructure/enterprise-directory.in-memory-repository';
import { CopyEnterpriseCommand } from './copy-enterprise.command';
import { CopyEnterpriseHandler } from './copy-enterprise.handler';

describe('CopyEnterpriseHandler', () => {
  it('keeps the newest copy: a late redelivery of an older upsert does not roll it back', async () => {
    const directory = new InMemoryEnterpriseDirectory();
    const handler = new CopyEnterpriseHandler(new InlineUnitOfWork(), directory);
    const base = { id: 'ent-1', gridId: 'grid-1', active: true };
    await handler.execute(
      CopyEnterpriseCommand.create({ ...base, name: '新名称', asOf: new Date('2026-03-02T02:00:00Z') }),
    );
    await handler.execute(
      CopyEnterpriseCommand.create({ ...base, name: '旧名称', asOf: new Date('2026-03-01T02:00:00Z') }),
    );
    expect(await directory.findEnterprise('ent-1')).toMatchObject({ name: '新名称' });
  });

  it('refuses to build a copy without an id', () => {
    expect(() =>
      CopyEnterpriseCommand.create({ id: '', name: 'x', gridId: null, active: true, asOf: new Date() }),
    ).toThrow(expect.objectContaining({ code: 'validation' }));
  });
});
